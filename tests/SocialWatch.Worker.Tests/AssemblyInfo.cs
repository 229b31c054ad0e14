// Test classes run in parallel (each test has its own database from TestDatabase.CreateAsync). The few
// that measure scheduling by the clock or start PostgreSQL servers and worker processes of their own
// share one collection (Faults/HeavyProcesses.cs) and so run one after another, beside the rest.
