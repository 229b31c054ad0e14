namespace SocialWatch.Worker.Tests.Faults;

/// <summary>
/// The tests that start several worker processes or a PostgreSQL server of their own (the kill test,
/// the database outage, the secret-leak run) share this collection. The whole project now runs one
/// class at a time (AssemblyInfo.cs); the collection still documents which tests are the heavy ones
/// and keeps them apart should parallel runs be turned back on.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HeavyProcesses
{
    public const string Name = "Heavy fault processes";
}
