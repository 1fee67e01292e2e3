// One embedded cluster (silo ports, torch threads) serves every test class; they run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
