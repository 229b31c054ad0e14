// The worker tests start real processes, PostgreSQL servers, SMTP and HTTP servers and measure
// scheduling by the clock. On a two-core CI machine, running the test classes side by side starves the
// timing-sensitive ones (a starved Quartz node looks dead to its cluster and its jobs are recovered
// early); one class at a time is slower but tells the truth.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
