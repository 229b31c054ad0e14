using SocialWatch.Rules.Leaks;
using SocialWatch.Rules.Leaks.Recognisers;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Tests.Leaks.Recognisers;

/// <summary>Each recogniser: formats it takes, formats and checks it refuses, context that raises the score.</summary>
public sealed class RecogniserTests
{
    private static readonly DateOnly Today = new(2026, 10, 1);

    private static List<PersonalDataFinding> Find(string text) => PersonalDataScanner.Find(TextFolding.Fold(text), Today);

    /// <summary>Findings that count as personal data on their own (score at or above the reporting bar).</summary>
    private static IEnumerable<string> Reported(string text) =>
        Find(text).Where(f => f.Score >= PersonalDataScanner.ReportScore).Select(f => f.Entity);

    private static PersonalDataFinding Single(string text, string entity) => Assert.Single(Find(text), f => f.Entity == entity);

    // ---- phone ----

    [Theory]
    [InlineData("ring 07700 900123 today")]
    [InlineData("landline 020 7946 0018")]
    [InlineData("call (01632) 960 001")]
    [InlineData("+44 7700 900456")]
    [InlineData("+44 (0)7700-900456")]
    [InlineData("0113 496 0000 is the number")]
    public void Phone_numbers_in_uk_formats_are_found(string text) => Assert.Contains(Entities.Phone, Reported(text));

    [Theory]
    [InlineData("in 2027 2028 budget")]
    [InlineData("ref 12345678901")] // does not start 0
    [InlineData("the meeting is at 7.30pm")]
    [InlineData("07700 9001")] // too short
    [InlineData("0800 123 4567")] // freephone: an organisation's, not a person's
    public void Numbers_that_are_not_uk_phone_numbers_are_not_phones(string text) => Assert.DoesNotContain(Entities.Phone, Reported(text));

    [Fact]
    public void Context_words_raise_a_phone_numbers_score()
    {
        var bare = Single("07700 900123", Entities.Phone);
        var withContext = Single("her mobile is 07700 900123", Entities.Phone);
        Assert.True(withContext.Score > bare.Score);
        Assert.Contains("mobile", withContext.Why);
        Assert.Equal(nameof(PhoneNumberRecogniser), withContext.Recogniser);
    }

    // ---- email ----

    [Fact]
    public void Emails_are_found_but_not_handles()
    {
        Assert.Contains(Entities.Email, Reported("write to jo.bloggs+news@example.co.uk please"));
        Assert.DoesNotContain(Entities.Email, Reported("thanks @SomeCouncil for the help"));
        Assert.DoesNotContain(Entities.Email, Reported("meet me @ the pier"));
    }

    // ---- National Insurance ----

    [Theory]
    [InlineData("AB123456C", true)]
    [InlineData("JG103759A", true)]
    [InlineData("QQ123456C", false)] // Q never used: the HMRC specimen prefix
    [InlineData("DA123456A", false)] // D not used first
    [InlineData("AO123456A", false)] // O not used second
    [InlineData("GB123456A", false)] // never-issued prefix
    [InlineData("NT123456A", false)] // never-issued prefix
    [InlineData("AB123456E", false)] // suffix must be A-D
    [InlineData("AB12345C", false)]
    public void National_insurance_numbers_follow_hmrc_rules(string number, bool valid) =>
        Assert.Equal(valid, NationalInsuranceRecogniser.IsValid(number));

    [Fact]
    public void Spaced_national_insurance_number_is_found_and_context_raises_it()
    {
        var bare = Single("code AB 12 34 56 C", Entities.NationalInsurance);
        var withContext = Single("NI number AB 12 34 56 C", Entities.NationalInsurance);
        Assert.True(bare.Score >= PersonalDataScanner.ReportScore);
        Assert.True(withContext.Score > bare.Score);
    }

    [Theory]
    [InlineData("NI QQ 12 34 56 C")]
    [InlineData("Booking reference QQ123456C, keep it handy")]
    [InlineData("payroll batch QQ 12 34 56 C")]
    public void Specimen_national_insurance_number_is_not_found_without_words_naming_it(string text) =>
        Assert.DoesNotContain(Entities.NationalInsurance, Find(text).Select(f => f.Entity));

    // Round 5: the words "NI number" / "National Insurance" say it is someone's number, whatever its prefix.
    [Theory]
    [InlineData("Her National Insurance is QQ 48 21 90 A on the form")]
    [InlineData("NI number: TN 12 34 56 B, please update the record")]
    public void A_number_of_the_right_shape_beside_words_naming_it_is_found(string text)
    {
        var finding = Single(text, Entities.NationalInsurance);
        Assert.Contains("outside the issuing rules", finding.Why, StringComparison.Ordinal);
    }

    // ---- NHS ----

    [Theory]
    [InlineData("9434765919", true)] // published example with a valid check digit
    [InlineData("4010232137", true)]
    [InlineData("9434765918", false)]
    [InlineData("1234567890", false)] // check digit would be 10: never issued
    [InlineData("943476591", false)]
    public void Nhs_numbers_have_a_modulus_11_check_digit(string number, bool valid) =>
        Assert.Equal(valid, NhsNumberRecogniser.IsValid(number));

    [Fact]
    public void Spaced_nhs_number_is_found() => Assert.Contains(Entities.Nhs, Reported("NHS no 943 476 5919"));

    // ---- sort code and account number ----

    [Theory]
    [InlineData("sort code 20-45-67 account 41234567")]
    [InlineData("pay it into 40 11 62, acc 1234 5678")]
    [InlineData("account 73456789 sort code 60-16-13")]
    public void Sort_code_with_account_number_is_found(string text) => Assert.Contains(Entities.BankAccount, Reported(text));

    [Theory]
    [InlineData("sort code 20-45-67")] // a branch, not a person's account
    [InlineData("ref 00-00-00 and 12345678")] // impossible sort code
    [InlineData("sort code 20-45-67 account 11111111")] // one repeated digit
    public void A_sort_code_alone_or_an_impossible_pair_is_not_a_bank_account(string text) =>
        Assert.DoesNotContain(Entities.BankAccount, Reported(text));

    [Fact]
    public void Bank_context_raises_the_pair_above_the_bare_pattern()
    {
        var bare = Single("20-45-67 41234567", Entities.BankAccount);
        var withContext = Single("bank details 20-45-67 41234567", Entities.BankAccount);
        Assert.True(withContext.Score > bare.Score);
    }

    // ---- date of birth ----

    [Theory]
    [InlineData("DOB 03/04/1961")]
    [InlineData("she was born on 3rd April 1961")]
    [InlineData("date of birth: 14.11.88")]
    [InlineData("birthday is March 7, 1990")]
    public void Dates_of_birth_with_context_are_found(string text) => Assert.Contains(Entities.DateOfBirth, Reported(text));

    [Theory]
    [InlineData("meeting on 03/04/1961 archive")] // a date alone is an event, not a birth date
    [InlineData("born 31/02/1980")] // no 31 February
    [InlineData("born 01/01/2020")] // six years old: not a plausible adult or teen
    [InlineData("born 01/01/1890")] // older than anyone alive
    [InlineData("DOB 12/13/1970")] // no month 13
    public void Implausible_or_unmarked_dates_are_not_dates_of_birth(string text) =>
        Assert.DoesNotContain(Entities.DateOfBirth, Reported(text));

    // ---- vehicle registration ----

    // Round 5: a plate beside any vehicle, not only a car.
    [Theory]
    [InlineData("the lorry KX19 RTY was blocking the gate again")]
    [InlineData("a motorbike LB68 ZRP left by the hall all week")]
    public void Plates_beside_other_vehicles_are_found(string text) => Assert.Contains(Entities.VehicleRegistration, Reported(text));

    [Theory]
    [InlineData("his car reg is AB12 CDE")]
    [InlineData("van parked outside, plate LM67 XYZ")]
    public void Current_format_plates_with_context_are_found(string text) => Assert.Contains(Entities.VehicleRegistration, Reported(text));

    [Theory]
    [InlineData("car reg AB12 CDE", true)]
    [InlineData("car reg IB12 CDE", false)] // no I in the memory tag
    [InlineData("car reg AB12 CQE", false)] // no Q in the random letters
    [InlineData("car reg AB01 CDE", false)] // 01 was never issued (March 2002 was 02)
    [InlineData("car reg AB49 CDE", false)] // not issued yet
    [InlineData("car reg AB76 CDE", true)] // September 2026
    public void Plates_follow_the_dvla_scheme(string text, bool valid) =>
        Assert.Equal(valid, Reported(text).Contains(Entities.VehicleRegistration));

    [Fact]
    public void A_plate_shape_without_context_is_not_reported() =>
        Assert.DoesNotContain(Entities.VehicleRegistration, Reported("code AB12 CDE"));

    // ---- postcodes and addresses ----

    [Theory]
    [InlineData("SS9 1SP")]
    [InlineData("ss91sp")]
    [InlineData("EC1A 1BB")]
    [InlineData("W1A 0AX")]
    [InlineData("M1 1AE")]
    public void Postcodes_in_royal_mail_shape_are_recognised(string text) => Assert.Contains(Entities.Postcode, Find(text).Select(f => f.Entity));

    [Theory]
    [InlineData("SS9 area")]
    [InlineData("QQ1 1AA")] // Q never starts a postcode
    [InlineData("SS9 1CI")] // C and I never end one
    public void Outward_codes_and_impossible_shapes_are_not_postcodes(string text) =>
        Assert.DoesNotContain(Entities.Postcode, Find(text).Select(f => f.Entity));

    [Fact]
    public void A_postcode_alone_is_below_the_bar_and_a_person_word_lifts_it()
    {
        Assert.True(Single("works in SS9 2NA", Entities.Postcode).Score < PersonalDataScanner.ReportScore);
        Assert.True(Single("she lives in SS9 2NA", Entities.Postcode).Score >= PersonalDataScanner.ReportScore);
    }

    [Theory]
    [InlineData("14 Seaview Road")]
    [InlineData("41a Mill Lane")]
    [InlineData("7 Upper Church Hill")]
    [InlineData("it was her at number 41")]
    public void House_number_addresses_are_recognised(string text) => Assert.Contains(Entities.Address, Find(text).Select(f => f.Entity));

    [Fact]
    public void A_street_address_is_personal_only_with_a_person_word_or_a_postcode()
    {
        Assert.True(Single("bike outside 19 Mill Lane", Entities.Address).Score < PersonalDataScanner.ReportScore);
        Assert.True(Single("the tenant at 19 Mill Lane", Entities.Address).Score >= PersonalDataScanner.ReportScore);
        var full = Single("19 Mill Lane, Anytown AB1 2DE", Entities.Address);
        Assert.True(full.Score >= PersonalDataScanner.ReportScore);
        Assert.Contains("postcode", full.Why);
    }

    [Fact]
    public void Findings_have_spans_inside_the_text_and_say_why()
    {
        const string text = "contact 07700 900123 or jo@example.org";
        foreach (var finding in Find(text))
        {
            Assert.InRange(finding.Start, 0, text.Length);
            Assert.InRange(finding.End, finding.Start + 1, text.Length);
            Assert.False(string.IsNullOrWhiteSpace(finding.Why));
            Assert.False(string.IsNullOrWhiteSpace(finding.Recogniser));
        }

        Assert.Equal(2, Find(text).Count);
    }

    [Theory]
    [InlineData("whoever owns the blue Fiesta, SX19 KLE, you're blocking the gate")]
    [InlineData("Corsa EF68 WPN on the verge again")]
    [InlineData("a silver Qashqai KM21 OPV in the disabled bay")]
    public void Plates_beside_a_car_make_or_model_are_found(string text) => Assert.Contains(Entities.VehicleRegistration, Reported(text));

    [Fact]
    public void A_car_model_without_a_plate_is_nothing() =>
        Assert.DoesNotContain(Entities.VehicleRegistration, Reported("Loving the new Fiesta, best car I've had"));
}
