"""Copies and derives the images the two held-out sets point at (run with a python that has PIL)."""
import shutil
from pathlib import Path
from PIL import Image, ImageDraw, ImageOps

SRC = Path("/work/main/samples/corpus")
OUT = Path(__file__).resolve().parent.parent
L, M = OUT / "leigh", OUT / "marshbury"

def copy(src, dst):
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)

# Leigh: the council's logo, the sample variants, and people/other images
copy(SRC / "logos/ltc-logo.png", L / "logos/ltc-logo.png")
for name in ["official.png", "logo-crop.png", "logo-recolour.png", "logo-small.jpg",
             "boat-club.png", "crest-other.png", "pier-photo.jpg",
             "person-1.png", "person-2.png", "person-3.png", "person-4.png"]:
    copy(SRC / "avatars" / name, L / "avatars" / name)

logo = Image.open(SRC / "logos/ltc-logo.png").convert("RGB")
# tight crop around the boat and waves, no lettering
logo.crop((90, 60, 430, 380)).resize((240, 226)).save(L / "avatars/ltc-boat-tightcrop.png")
# greyscale, then heavy JPEG at a small size
ImageOps.grayscale(logo).resize((160, 160)).save(L / "avatars/ltc-grey.png")
logo.resize((72, 72)).save(L / "avatars/ltc-tiny-q25.jpg", quality=25)
# channel swap recolour (navy becomes maroon-ish)
r, g, b = logo.split()
Image.merge("RGB", (b, g, r)).resize((300, 300)).save(L / "avatars/ltc-swapped.png")

# Marshbury: its crest is the sample's "other" crest
crest = Image.open(SRC / "avatars/crest-other.png").convert("RGB")
copy(SRC / "avatars/crest-other.png", M / "logos/mtc-crest.png")
copy(SRC / "avatars/crest-other.png", M / "avatars/mtc-official.png")
w, h = crest.size
crest.crop((40, 25, w - 40, h - 25)).save(M / "avatars/mtc-crest-crop.png")
r, g, b = crest.split()
Image.merge("RGB", (g, b, r)).save(M / "avatars/mtc-crest-recolour.png")
crest.resize((96, 96)).save(M / "avatars/mtc-crest-small.jpg", quality=35)
ImageOps.grayscale(crest).resize((200, 200)).save(M / "avatars/mtc-crest-grey.png")
# Leigh's images appear in Marshbury's set on Leigh's own accounts
copy(SRC / "avatars/official.png", M / "avatars/ltc-official.png")
copy(SRC / "avatars/logo-recolour.png", M / "avatars/ltc-logo-recolour.png")
for name in ["person-1.png", "person-2.png", "person-3.png", "person-4.png", "pier-photo.jpg"]:
    copy(SRC / "avatars" / name, M / "avatars" / name)

# drawn emblems for the look-alike organisations (not the crest)
im = Image.new("RGB", (400, 400), (20, 60, 120))
d = ImageDraw.Draw(im)
d.ellipse((70, 70, 330, 330), fill=(240, 240, 230))
d.rectangle((185, 110, 215, 290), fill=(20, 60, 120))
d.rectangle((120, 185, 280, 215), fill=(20, 60, 120))
im.save(M / "avatars/east-marshbury-pc.png")
im = Image.new("RGB", (400, 400), (128, 20, 30))
d = ImageDraw.Draw(im)
d.ellipse((80, 140, 320, 260), fill=(235, 200, 60))
d.line((120, 200, 280, 200), fill=(128, 20, 30), width=6)
im.save(M / "avatars/marshbury-rfc.png")
im = Image.new("RGB", (400, 400), (60, 40, 90))
d = ImageDraw.Draw(im)
d.polygon([(200, 60), (340, 330), (60, 330)], fill=(250, 210, 90))
im.save(M / "avatars/saltmarshbury-pc.png")
print("images written")
