using SocialWatch.Rules.Leaks.Recognisers;

namespace SocialWatch.Rules.Leaks;

/// <summary>
/// The registry of personal-data recognisers: runs each that may apply to the folded text and keeps,
/// where two findings overlap, the surer one. Returns every candidate with its score (also those
/// below <see cref="ReportScore"/>), so the leak rule can add context only it knows (a person's name
/// near an address). Never throws.
/// </summary>
internal static class PersonalDataScanner
{
    /// <summary>Least score at which a finding counts as personal data.</summary>
    public const double ReportScore = 0.5;

    private static readonly PatternRecogniser[] Recognisers =
    [
        new EmailRecogniser(),
        new PhoneNumberRecogniser(),
        new NationalInsuranceRecogniser(),
        new NhsNumberRecogniser(),
        new SortCodeAccountRecogniser(),
        new DateOfBirthRecogniser(),
        new VehicleRegistrationRecogniser(),
        new StreetAddressRecogniser(),
        new PostcodeRecogniser(),
    ];

    /// <summary>Cheap test: every recogniser needs a digit or an '@'.</summary>
    public static bool MayContainPersonalData(string folded) =>
        folded.AsSpan().IndexOfAnyInRange('0', '9') >= 0 || folded.Contains('@');

    public static List<PersonalDataFinding> Find(string folded, DateOnly? asOf = null)
    {
        var found = new List<PersonalDataFinding>();
        if (string.IsNullOrEmpty(folded) || !MayContainPersonalData(folded))
        {
            return found;
        }

        var day = asOf ?? DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var recogniser in Recognisers)
        {
            if (recogniser.MayApply(folded))
            {
                recogniser.Find(folded, day, found);
            }
        }

        return found.Count <= 1 ? found : WithoutOverlaps(found);
    }

    /// <summary>Of overlapping findings the higher score wins, then the longer (an address over its postcode).</summary>
    private static List<PersonalDataFinding> WithoutOverlaps(List<PersonalDataFinding> found)
    {
        found.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : b.Length.CompareTo(a.Length));
        var kept = new List<PersonalDataFinding>(found.Count);
        foreach (var finding in found)
        {
            var overlaps = false;
            foreach (var k in kept)
            {
                if (finding.Start < k.End && k.Start < finding.End)
                {
                    overlaps = true;
                    break;
                }
            }

            if (!overlaps)
            {
                kept.Add(finding);
            }
        }

        kept.Sort((a, b) => a.Start.CompareTo(b.Start));
        return kept;
    }
}
