using SocialWatch.Rules.Leaks;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Tests.Leaks;

public sealed class PersonalDataScannerTests
{
    private static IEnumerable<string> Kinds(string text) => PersonalDataScanner.Find(TextFolding.Fold(text)).Select(d => d.Kind);

    [Theory]
    [InlineData("ring 07700 900231 today")]
    [InlineData("call 01702 716288")]
    [InlineData("+44 7700 900231")]
    [InlineData("(01702) 716 288")]
    public void Finds_uk_phone_numbers(string text) => Assert.Contains(PersonalDataKinds.Phone, Kinds(text));

    [Theory]
    [InlineData("in 2027 2028 budget")]
    [InlineData("ref 12345678901")]
    [InlineData("7.30pm")]
    public void Ignores_numbers_that_are_not_phones(string text) => Assert.DoesNotContain(PersonalDataKinds.Phone, Kinds(text));

    [Fact]
    public void Finds_emails_but_not_handles()
    {
        Assert.Contains(PersonalDataKinds.Email, Kinds("mail ann.kowalski@example.com please"));
        Assert.DoesNotContain(PersonalDataKinds.Email, Kinds("thanks @LeighTownCouncil"));
    }

    [Theory]
    [InlineData("SS9 1SP")]
    [InlineData("ss91sp")]
    [InlineData("EC1A 1BB")]
    [InlineData("W1A 0AX")]
    [InlineData("M1 1AE")]
    public void Finds_full_postcodes(string text) => Assert.Contains(PersonalDataKinds.Postcode, Kinds(text));

    [Fact]
    public void Outward_code_alone_is_not_a_postcode() => Assert.DoesNotContain(PersonalDataKinds.Postcode, Kinds("SS9 area"));

    [Theory]
    [InlineData("3 Cliff Parade")]
    [InlineData("22 Grand Parade")]
    [InlineData("9 Leigh Hall Road")]
    [InlineData("it was her at number 41")]
    public void Finds_street_addresses(string text) => Assert.Contains(PersonalDataKinds.Address, Kinds(text));

    [Theory]
    [InlineData("AB123456C", true)]
    [InlineData("JG103759A", true)]
    [InlineData("QQ123456C", false)] // Q never used: the HMRC specimen prefix
    [InlineData("DA123456A", false)] // D not used first
    [InlineData("AO123456A", false)] // O not used second
    [InlineData("GB123456A", false)] // never-issued prefix
    [InlineData("AB123456E", false)] // suffix must be A-D
    [InlineData("AB12345C", false)]
    public void National_insurance_numbers_follow_hmrc_rules(string number, bool valid) =>
        Assert.Equal(valid, PersonalDataScanner.IsValidNationalInsurance(number));

    [Fact]
    public void Spaced_national_insurance_number_is_found() =>
        Assert.Contains(PersonalDataKinds.NationalInsurance, Kinds("NI: AB 12 34 56 C"));

    [Theory]
    [InlineData("9434765919", true)] // published example with a valid check digit
    [InlineData("4010232137", true)]
    [InlineData("9434765918", false)]
    [InlineData("1234567890", false)] // check digit would be 10: never issued
    [InlineData("943476591", false)]
    public void Nhs_numbers_have_a_modulus_11_check_digit(string number, bool valid) =>
        Assert.Equal(valid, PersonalDataScanner.IsValidNhsNumber(number));

    [Fact]
    public void Spaced_nhs_number_is_found() => Assert.Contains(PersonalDataKinds.Nhs, Kinds("NHS no 943 476 5919"));
}
