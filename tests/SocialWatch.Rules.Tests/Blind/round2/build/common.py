"""Turns hand-written account and post lists into records in the corpus format (see README.md)."""
import datetime as dt
import json
import random

EPOCH_X_MS = 1288834974657
B32 = "234567abcdefghijklmnopqrstuvwxyz"


def tid(us, clock):
    n = (us << 10) | clock
    out = ""
    for _ in range(13):
        out = B32[n & 31] + out
        n >>= 5
    return out


def acct(platform, id_, handle, name, bio="", avatar=None):
    a = {"platform": platform, "id": id_, "handle": handle, "display_name": name, "bio": bio}
    if avatar:
        a["avatar"] = avatar
    return a


def profile_url(a, home):
    p, h = a["platform"], a["handle"]
    if p == "x":
        return f"https://x.com/{h}"
    if p == "facebook":
        return f"https://www.facebook.com/{h}"
    if p == "bluesky":
        return f"https://bsky.app/profile/{h}"
    if p == "mastodon":
        user, _, server = h.partition("@")
        return f"https://{server or home}/@{user}"
    return f"https://{h}/"


def build(accounts, posts, year, seed, mastodon_home):
    """posts: dicts with key (account), day 'MM-DD', text, expect, note, optional name, reply, slug."""
    rng = random.Random(seed)
    posts = sorted(posts, key=lambda p: p["day"])  # stable: same-day posts keep their listed order
    by_day = {}
    for p in posts:
        by_day.setdefault(p["day"], []).append(p)
    days = list(dict.fromkeys(p["day"] for p in posts))
    names, records, seq = {}, [], 0
    for day in days:
        group = by_day[day]
        minutes = sorted(rng.sample(range(7 * 60, 22 * 60 + 30), len(group)))
        # a post may pin its time ("at": "HH:MM") when its text says "tonight" or "this morning"
        timed = [(int(p["at"][:2]) * 60 + int(p["at"][3:]) if p.get("at") else m, i, p)
                 for i, (p, m) in enumerate(zip(group, minutes))]
        timed.sort(key=lambda t: (t[0], t[1]))
        for m, _, p in timed:
            seq += 1
            a = accounts[p["key"]]
            d = dt.datetime.fromisoformat(f"{year}-{day}T00:00:00+00:00") + dt.timedelta(minutes=m, seconds=rng.randrange(60))
            ms = int(d.timestamp() * 1000)
            plat = a["platform"]
            if p["text"] == "":
                rid = f"account:{plat}:{a['id']}"
                url = profile_url(a, mastodon_home)
            elif plat == "x":
                rid = str(((ms - EPOCH_X_MS) << 22) + seq * 4099)
                url = f"https://x.com/{a['handle']}/status/{rid}"
            elif plat == "facebook":
                post = str(1220000000000000 + ms // 1000 * 7 + seq)
                rid = f"{a['id']}_{post}"
                url = f"https://www.facebook.com/{a['handle']}/posts/{post}"
            elif plat == "bluesky":
                rkey = tid(ms * 1000 + seq, seq % 1024)
                rid = f"at://{a['id']}/app.bsky.feed.post/{rkey}"
                url = f"https://bsky.app/profile/{a['handle']}/post/{rkey}"
            elif plat == "mastodon":
                rid = str((ms << 16) + seq)
                user, _, server = a["handle"].partition("@")
                url = f"https://{server or mastodon_home}/@{user}/{rid}"
            else:  # rss: the guid is the article link
                url = f"https://{a['id']}/news/{year}/{day[:2]}/{p['slug']}"
                rid = url
            r = {
                "platform": plat,
                "id": rid,
                "url": url,
                "created_at": d.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "text": p["text"],
                "author": {k: a[k] for k in ("id", "handle", "display_name", "bio")},
            }
            if "avatar" in a:
                r["author"]["avatar"] = a["avatar"]
            if p.get("reply"):
                r["in_reply_to"] = names[p["reply"]]
            r["expect"] = p["expect"]
            r["note"] = p["note"]
            if p.get("name"):
                names[p["name"]] = rid
            records.append(r)
    return records


def write_jsonl(path, records):
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def write_json(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=2)
        f.write("\n")


class Posts(list):
    """P(key, day, text, expect, note, name=, reply=, slug=) appends one post."""

    def __call__(self, key, day, text, expect, note, **kw):
        self.append({"key": key, "day": day, "text": text, "expect": expect, "note": note, **kw})
