namespace SocialWatch.Rules.Leaks.Recognisers;

/// <summary>Entity names a recogniser reports (the names a clerk reads in the evidence).</summary>
internal static class Entities
{
    public const string Phone = "uk_phone_number";
    public const string Email = "email_address";
    public const string Postcode = "uk_postcode";
    public const string Address = "street_address";
    public const string NationalInsurance = "uk_national_insurance_number";
    public const string Nhs = "uk_nhs_number";
    public const string BankAccount = "uk_sort_code_and_account_number";
    public const string DateOfBirth = "date_of_birth";
    public const string VehicleRegistration = "uk_vehicle_registration";

    /// <summary>How the entity reads in a plain sentence after "a person's" ("phone number").</summary>
    public static string Describe(string entity) => entity switch
    {
        Phone => "phone number",
        Email => "email address",
        Postcode => "postcode",
        Address => "home address",
        NationalInsurance => "National Insurance number",
        Nhs => "NHS number",
        BankAccount => "bank sort code and account number",
        DateOfBirth => "date of birth",
        VehicleRegistration => "vehicle registration",
        _ => "personal data",
    };
}

/// <summary>
/// One piece of personal data found in folded text: which entity, where, how sure (0..1), which
/// recogniser found it and why, in words.
/// </summary>
internal sealed record PersonalDataFinding(string Entity, int Start, int Length, double Score, string Recogniser, string Why)
{
    public int End => Start + Length;
}
