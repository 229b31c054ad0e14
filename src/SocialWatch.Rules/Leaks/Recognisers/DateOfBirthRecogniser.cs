using System.Globalization;
using System.Text.RegularExpressions;

namespace SocialWatch.Rules.Leaks.Recognisers;

/// <summary>
/// Dates of birth: a date written the UK way ("03/04/1961", "3.4.61", "3rd April 1961", "April 3,
/// 1961") that is a real calendar date and would make its person between 14 and 110 years old on the
/// day of the post. A date alone is usually an event (0.25, not enough); "born", "DOB", "birthday"
/// near it make it a date of birth.
/// </summary>
internal sealed partial class DateOfBirthRecogniser : PatternRecogniser
{
    private const int YoungestAge = 14;
    private const int OldestAge = 110;

    public override string Entity => Entities.DateOfBirth;

    public override bool MayApply(string folded) => folded.AsSpan().IndexOfAnyInRange('0', '9') >= 0;

    protected override Regex Pattern => Date();

    protected override double BaseScore => 0.25;

    protected override IReadOnlyList<string> ContextWords { get; } =
        ["born", "dob", "d.o.b", "date of birth", "birth", "birthday", "bday", "aged", "age"];

    protected override string PatternReason => $"a real date that makes someone {YoungestAge}-{OldestAge} years old";

    protected override Validity Validate(Match match, DateOnly asOf)
    {
        var day = int.Parse(match.Groups["d"].ValueSpan, CultureInfo.InvariantCulture);
        int month;
        if (match.Groups["m"].Success)
        {
            month = int.Parse(match.Groups["m"].ValueSpan, CultureInfo.InvariantCulture);
        }
        else
        {
            month = MonthOf(match.Groups["mon"].ValueSpan);
        }

        var yearText = match.Groups["y"].ValueSpan;
        var year = int.Parse(yearText, CultureInfo.InvariantCulture);
        if (yearText.Length == 2)
        {
            // Two-digit years: the most recent century that does not put the date in the future.
            year += year > asOf.Year % 100 ? 1900 : 2000;
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Clamp(year, 1, 9999), month))
        {
            return Validity.Invalid;
        }

        var born = new DateOnly(year, month, day);
        var age = asOf.Year - born.Year - (asOf.DayOfYear < born.DayOfYear ? 1 : 0);
        return age is >= YoungestAge and <= OldestAge ? Validity.Plausible : Validity.Invalid;
    }

    private static int MonthOf(ReadOnlySpan<char> name)
    {
        ReadOnlySpan<string> months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
        for (var i = 0; i < months.Length; i++)
        {
            if (name.StartsWith(months[i], StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return 0;
    }

    private const string Month = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

    // The three orders share group names (d, m or mon, y); .NET allows a name in several alternatives.
    [GeneratedRegex(
        @"(?<![\w/.:-])(?<d>\d{1,2})(?<sep>[/.-])(?<m>\d{1,2})\k<sep>(?<y>\d{4}|\d{2})(?![\w/-]|[.:]\d)"
        + @"|(?<![\w])(?<d>\d{1,2})(?:st|nd|rd|th)? (?:of )?(?<mon>" + Month + @")\.?,? (?<y>\d{4})(?!\w)"
        + @"|(?<![\w])(?<mon>" + Month + @")\.? (?<d>\d{1,2})(?:st|nd|rd|th)?,? (?<y>\d{4})(?!\w)",
        RegexOptions.CultureInvariant)]
    private static partial Regex Date();
}
