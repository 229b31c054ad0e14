namespace SocialWatch.Rules.Leaks;

/// <summary>Kinds of personal data the scanner recognises.</summary>
internal static class PersonalDataKinds
{
    public const string Phone = "uk_phone_number";
    public const string Email = "email_address";
    public const string Postcode = "postcode";
    public const string Address = "street_address";
    public const string NationalInsurance = "national_insurance_number";
    public const string Nhs = "nhs_number";
}

/// <summary>A piece of personal data found in folded text.</summary>
internal readonly record struct PersonalDatum(int Start, int Length, string Kind)
{
    public int End => Start + Length;
}

/// <summary>
/// Finds UK personal data in folded (lower-case) text: phone numbers (01/02/03/07, +44), emails, full
/// postcodes, house-number street addresses, National Insurance numbers (HMRC prefix rules, suffix A–D)
/// and NHS numbers (modulus-11 check digit). Hand-written scanning, no regex; never throws.
/// </summary>
internal static class PersonalDataScanner
{
    private static readonly string[] StreetWords =
    [
        "road", "rd", "street", "st", "avenue", "ave", "lane", "ln", "parade", "close", "drive", "dr", "way",
        "crescent", "gardens", "grove", "place", "terrace", "hill", "mall", "court", "walk", "rise", "row",
        "square", "mews", "chase", "green", "park", "view", "vale", "wharf", "esplanade", "boulevard",
    ];

    public static List<PersonalDatum> Find(string folded)
    {
        var found = new List<PersonalDatum>();
        if (string.IsNullOrEmpty(folded))
        {
            return found;
        }

        FindPhonesAndNhs(folded, found);
        FindEmails(folded, found);
        FindNationalInsurance(folded, found);
        FindPostcodes(folded, found);
        FindAddresses(folded, found);
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    /// <summary>HMRC format rules: no D, F, I, Q, U, V in the prefix, O not second, some prefixes never issued.</summary>
    public static bool IsValidNationalInsurance(ReadOnlySpan<char> compact)
    {
        if (compact.Length != 9)
        {
            return false;
        }

        var a = char.ToUpperInvariant(compact[0]);
        var b = char.ToUpperInvariant(compact[1]);
        if (!char.IsAsciiLetterUpper(a) || !char.IsAsciiLetterUpper(b) || "DFIQUV".Contains(a) || "DFIQUVO".Contains(b))
        {
            return false;
        }

        Span<char> prefix = [a, b];
        foreach (var banned in (ReadOnlySpan<string>)["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"])
        {
            if (prefix.SequenceEqual(banned))
            {
                return false;
            }
        }

        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(compact[i]))
            {
                return false;
            }
        }

        var suffix = char.ToUpperInvariant(compact[8]);
        return suffix is >= 'A' and <= 'D';
    }

    /// <summary>NHS number check digit: weights 10..2 on the first nine digits, 11 − (sum mod 11), 11 → 0, 10 invalid.</summary>
    public static bool IsValidNhsNumber(ReadOnlySpan<char> digits)
    {
        if (digits.Length != 10)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            if (!char.IsAsciiDigit(digits[i]))
            {
                return false;
            }

            sum += (digits[i] - '0') * (10 - i);
        }

        if (!char.IsAsciiDigit(digits[9]))
        {
            return false;
        }

        var check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }

        return check != 10 && check == digits[9] - '0';
    }

    private static void FindPhonesAndNhs(string s, List<PersonalDatum> found)
    {
        Span<char> digits = stackalloc char[16];
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var plus = c == '+' && i + 3 < s.Length && s[i + 1] == '4' && s[i + 2] == '4';
            if (!plus && !char.IsAsciiDigit(c))
            {
                continue;
            }

            if (i > 0 && (char.IsAsciiDigit(s[i - 1]) || char.IsAsciiLetter(s[i - 1]) || s[i - 1] == '.' || s[i - 1] == '/' || s[i - 1] == ':'))
            {
                continue;
            }

            // Collect digits allowing single spaces, hyphens and brackets between groups.
            var count = 0;
            var j = plus ? i + 1 : i;
            var end = j;
            while (j < s.Length && count < digits.Length)
            {
                var d = s[j];
                if (char.IsAsciiDigit(d))
                {
                    digits[count++] = d;
                    j++;
                    end = j;
                }
                else if (d is ' ' or '-' or '(' or ')')
                {
                    // Up to two separators between digit groups: "(01702) 716 288".
                    var next = j + 1;
                    if (next < s.Length && s[next] is ' ' or '-' or '(' or ')')
                    {
                        next++;
                    }

                    if (next >= s.Length || !char.IsAsciiDigit(s[next]))
                    {
                        break;
                    }

                    j = next;
                }
                else
                {
                    break;
                }
            }

            if (end < s.Length && (char.IsAsciiLetter(s[end]) || s[end] == '%' || (s[end] == '.' && end + 1 < s.Length && char.IsAsciiDigit(s[end + 1]))))
            {
                i = end;
                continue;
            }

            var number = digits[..count];
            var isPhone = plus
                ? count == 12 && number[2] is '1' or '2' or '3' or '7'
                : count == 11 && number[0] == '0' && number[1] is '1' or '2' or '3' or '7';
            if (isPhone)
            {
                found.Add(new PersonalDatum(i, end - i, PersonalDataKinds.Phone));
                i = end;
                continue;
            }

            if (!plus && count == 10 && IsValidNhsNumber(number))
            {
                found.Add(new PersonalDatum(i, end - i, PersonalDataKinds.Nhs));
            }

            i = Math.Max(i, end - 1);
        }
    }

    private static void FindEmails(string s, List<PersonalDatum> found)
    {
        var at = s.IndexOf('@', StringComparison.Ordinal);
        while (at >= 0)
        {
            var start = at;
            while (start > 0 && IsLocalChar(s[start - 1]))
            {
                start--;
            }

            var end = at + 1;
            var dots = 0;
            while (end < s.Length && (char.IsAsciiLetterOrDigit(s[end]) || s[end] == '-' || (s[end] == '.' && end + 1 < s.Length && char.IsAsciiLetterOrDigit(s[end + 1]))))
            {
                if (s[end] == '.')
                {
                    dots++;
                }

                end++;
            }

            if (start < at && dots > 0)
            {
                found.Add(new PersonalDatum(start, end - start, PersonalDataKinds.Email));
            }

            at = s.IndexOf('@', Math.Max(at + 1, end));
        }
    }

    private static bool IsLocalChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-';

    private static void FindNationalInsurance(string s, List<PersonalDatum> found)
    {
        Span<char> compact = stackalloc char[9];
        for (var i = 0; i + 9 <= s.Length; i++)
        {
            if (!char.IsAsciiLetter(s[i]) || (i > 0 && char.IsAsciiLetterOrDigit(s[i - 1])))
            {
                continue;
            }

            var count = 0;
            var j = i;
            while (j < s.Length && count < 9)
            {
                var c = s[j];
                if (char.IsAsciiLetterOrDigit(c))
                {
                    compact[count++] = c;
                    j++;
                }
                else if (c == ' ' && count is 2 or 4 or 6 or 8)
                {
                    j++;
                }
                else
                {
                    break;
                }
            }

            if (count == 9 && (j == s.Length || !char.IsAsciiLetterOrDigit(s[j])) && IsValidNationalInsurance(compact))
            {
                found.Add(new PersonalDatum(i, j - i, PersonalDataKinds.NationalInsurance));
                i = j;
            }
        }
    }

    private static void FindPostcodes(string s, List<PersonalDatum> found)
    {
        // Outward code: A9, A99, AA9, AA99, A9A, AA9A; an optional space; inward code 9AA.
        for (var i = 0; i < s.Length; i++)
        {
            if (!char.IsAsciiLetter(s[i]) || (i > 0 && char.IsAsciiLetterOrDigit(s[i - 1])))
            {
                continue;
            }

            var j = i + 1;
            if (j < s.Length && char.IsAsciiLetter(s[j]))
            {
                j++;
            }

            if (j >= s.Length || !char.IsAsciiDigit(s[j]))
            {
                continue;
            }

            // Try the outward code ending after one or two more characters.
            for (var outwardEnd = j + 1; outwardEnd <= Math.Min(j + 2, s.Length); outwardEnd++)
            {
                if (outwardEnd == j + 2 && !char.IsAsciiLetterOrDigit(s[j + 1]))
                {
                    break;
                }

                var k = outwardEnd < s.Length && s[outwardEnd] == ' ' ? outwardEnd + 1 : outwardEnd;
                if (k + 3 <= s.Length && char.IsAsciiDigit(s[k]) && char.IsAsciiLetter(s[k + 1]) && char.IsAsciiLetter(s[k + 2])
                    && (k + 3 == s.Length || !char.IsAsciiLetterOrDigit(s[k + 3])))
                {
                    found.Add(new PersonalDatum(i, k + 3 - i, PersonalDataKinds.Postcode));
                    i = k + 2;
                    break;
                }
            }
        }
    }

    private static void FindAddresses(string s, List<PersonalDatum> found)
    {
        // "3 cliff parade", "22 grand parade", "9 leigh hall road", "number 41".
        for (var i = 0; i < s.Length; i++)
        {
            if (!char.IsAsciiDigit(s[i]) || (i > 0 && (char.IsAsciiLetterOrDigit(s[i - 1]) || s[i - 1] is '-' or '£' or '.' or ',' or ':')))
            {
                continue;
            }

            var j = i;
            while (j < s.Length && char.IsAsciiDigit(s[j]))
            {
                j++;
            }

            if (j - i > 4)
            {
                i = j;
                continue;
            }

            if (j < s.Length && char.IsAsciiLetter(s[j]) && (j + 1 == s.Length || !char.IsAsciiLetter(s[j + 1])))
            {
                j++; // "41a"
            }

            var numberEnd = j;
            var words = 0;
            while (words < 4 && j < s.Length && s[j] == ' ')
            {
                var wordStart = j + 1;
                var wordEnd = wordStart;
                while (wordEnd < s.Length && char.IsAsciiLetter(s[wordEnd]))
                {
                    wordEnd++;
                }

                if (wordEnd == wordStart)
                {
                    break;
                }

                words++;
                var word = s.AsSpan(wordStart, wordEnd - wordStart);
                if (words >= 2 && IsStreetWord(word))
                {
                    found.Add(new PersonalDatum(i, wordEnd - i, PersonalDataKinds.Address));
                    break;
                }

                j = wordEnd;
            }

            i = Math.Max(i, numberEnd - 1);
        }

        var number = s.IndexOf("at number ", StringComparison.Ordinal);
        if (number >= 0 && number + 10 < s.Length && char.IsAsciiDigit(s[number + 10]))
        {
            var end = number + 10;
            while (end < s.Length && char.IsAsciiDigit(s[end]))
            {
                end++;
            }

            found.Add(new PersonalDatum(number + 3, end - number - 3, PersonalDataKinds.Address));
        }
    }

    private static bool IsStreetWord(ReadOnlySpan<char> word)
    {
        foreach (var street in StreetWords)
        {
            if (word.SequenceEqual(street))
            {
                return true;
            }
        }

        return false;
    }
}
