namespace SocialWatch.Worker.Tests.Faults;

/// <summary>
/// The tests that start several worker processes or a PostgreSQL server of their own and judge timing
/// by the clock (the kill test, the database outages, the three-worker cluster, the secret-leak run).
/// They run one after another, beside the other test classes: two of them at once on a two-core machine
/// would each starve the other's workers, and the cluster would take a starved worker for dead.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HeavyProcesses
{
    public const string Name = "Heavy fault processes";
}
