// Torch's thread setting and random generator are process-wide: tests that train must not interleave.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
