namespace SocialWatch.Worker.Tests.Faults;

/// <summary>
/// The tests that start several worker processes or a PostgreSQL server of their own (the kill test,
/// the database outage, the secret-leak run) share this collection, so they run one after another
/// rather than all at once. On a two-core CI machine three of them together starve the CPU enough to
/// disturb the timing-sensitive scheduling tests (Jobs/WorkerProcessTests) running beside them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HeavyProcesses
{
    public const string Name = "Heavy fault processes";
}
