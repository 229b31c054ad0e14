using System.Text.RegularExpressions;

namespace SocialWatch.Rules.Leaks.Recognisers;

/// <summary>
/// Current-format UK number plates ("AB12 CDE", since 2001): a two-letter memory tag, a two-digit age
/// identifier and three random letters. Validation follows the DVLA scheme: the memory tag uses no I,
/// Q or Z, the random letters no I or Q, and the age identifier is a half-year already issued (02 up to
/// this year for March, 51 up to 50 + this year for September). Seven characters of that shape still
/// occur by chance, so it counts only with context ("reg", "car", "parked", "plate").
/// </summary>
internal sealed partial class VehicleRegistrationRecogniser : PatternRecogniser
{
    public override string Entity => Entities.VehicleRegistration;

    public override bool MayApply(string folded) => folded.AsSpan().IndexOfAnyInRange('0', '9') >= 0;

    protected override Regex Pattern => Plate();

    protected override double BaseScore => 0.3;

    protected override IReadOnlyList<string> ContextWords { get; } =
        ["reg", "registration", "number plate*", "plate*", "car", "cars", "van", "vehicle*", "parked", "parking", "dvla", "drives", "driving", "motor",
            // Any vehicle the plate can be on, not only a car.
            "vans", "lorry", "lorries", "truck", "trucks", "motorbike*", "motorcycle*", "moped", "scooter", "minibus", "pickup", "pick-up",
            "transit", "camper*", "motorhome*", "taxi", "tractor", "trailer", "caravan",
            // A car named by its make or model ("the blue Fiesta, SX19 KLE") is a vehicle as surely as "car".
            "ford", "fiesta", "focus", "kuga", "vauxhall", "corsa", "astra", "mokka", "volkswagen", "vw", "golf", "polo", "passat",
            "toyota", "yaris", "corolla", "prius", "aygo", "honda", "civic", "jazz", "nissan", "micra", "qashqai", "juke", "leaf",
            "kia", "sportage", "picanto", "hyundai", "peugeot", "citroen", "renault", "clio", "bmw", "audi", "mercedes", "merc",
            "skoda", "octavia", "fabia", "volvo", "tesla", "fiat", "mazda", "suzuki", "dacia", "sandero", "land rover", "range rover", "jaguar", "mini cooper",
            "owns", "owner", "hatchback", "estate car", "suv", "4x4"];

    protected override string PatternReason => "current UK number plate format (AB12 CDE) with an issued age identifier";

    protected override Validity Validate(Match match, DateOnly asOf)
    {
        var tag = match.Groups["tag"].ValueSpan;
        var random = match.Groups["rnd"].ValueSpan;
        if (tag.ContainsAny("iqz") || random.ContainsAny("iq"))
        {
            return Validity.Invalid;
        }

        var age = (match.Groups["age"].ValueSpan[0] - '0') * 10 + (match.Groups["age"].ValueSpan[1] - '0');
        var year = asOf.Year % 100;
        var issued = age is >= 2 and <= 49 ? age <= year : age >= 51 && age - 50 <= year;
        return issued ? Validity.Plausible : Validity.Invalid;
    }

    [GeneratedRegex(@"(?<![a-z0-9])(?<tag>[a-z]{2})(?<age>\d{2}) ?(?<rnd>[a-z]{3})(?![a-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Plate();
}
