namespace AcousticDistill.Acoustic.Tests.Specialists;

public sealed class KMeansTests
{
    /// <summary>A covariance with three blocks of classes that co-vary strongly inside the block, plus small noise.</summary>
    private static double[,] BlockCovariance(int[] blockOf, int seed)
    {
        var random = new Random(seed);
        var n = blockOf.Length;
        var covariance = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var value = (blockOf[i] == blockOf[j] ? 1.0 : 0.0) + (random.NextDouble() - 0.5) * 0.1;
                covariance[i, j] = covariance[j, i] = value;
            }
        }
        return covariance;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ClusterCovariance_FindsPlantedBlocks(bool unitLength)
    {
        // Blocks interleaved in class order, so the answer cannot come from neighbouring indices.
        var blockOf = Enumerable.Range(0, 15).Select(c => c % 3).ToArray();
        var options = new SpecialistClusteringOptions { Clusters = 3, ExcludedClasses = new HashSet<int>(), UnitLengthColumns = unitLength };

        var result = SpecialistClustering.ClusterCovariance(BlockCovariance(blockOf, seed: 4), options);

        var expected = Enumerable.Range(0, 3)
            .Select(b => Enumerable.Range(0, 15).Where(c => blockOf[c] == b).ToArray()).ToArray();
        Assert.Equal(expected, result.Clusters.Select(c => c.ToArray()).ToArray());
    }

    [Fact]
    public void ClusterCovariance_LeavesExcludedClassesOut()
    {
        var blockOf = Enumerable.Range(0, 12).Select(c => c / 4).ToArray();
        var options = new SpecialistClusteringOptions { Clusters = 2, ExcludedClasses = new HashSet<int> { 0, 1, 2, 3 } };

        var result = SpecialistClustering.ClusterCovariance(BlockCovariance(blockOf, seed: 5), options);

        Assert.Equal([[4, 5, 6, 7], [8, 9, 10, 11]], result.Clusters.Select(c => c.ToArray()).ToArray());
        Assert.DoesNotContain(0, result.Covered);
    }

    [Fact]
    public void Fit_MoreRestarts_NeverRaisesInertia()
    {
        var random = new Random(3);
        var points = Enumerable.Range(0, 40).Select(_ => new[] { random.NextDouble(), random.NextDouble() }).ToArray();
        var one = KMeans.Fit(points, 5, new KMeansOptions { Restarts = 1, Seed = 2 });
        var many = KMeans.Fit(points, 5, new KMeansOptions { Restarts = 20, Seed = 2 });
        Assert.True(many.Inertia <= one.Inertia + 1e-12, $"{many.Inertia} > {one.Inertia}");
        Assert.All(many.Members(), m => Assert.NotEmpty(m));
    }

    [Fact]
    public void Fit_DuplicatePoints_StillGivesNonEmptyClusters()
    {
        // Classes the generalist never predicts all have a zero covariance column: many identical points.
        var points = Enumerable.Repeat(new[] { 0.0, 0.0 }, 10).Append([1.0, 0.0]).Append([0.0, 1.0]).ToArray();
        var result = KMeans.Fit(points, 3, new KMeansOptions { Seed = 1 });
        Assert.All(result.Members(), m => Assert.NotEmpty(m));
        Assert.Equal(0, result.Inertia, precision: 12);
    }

    [Theory]
    [InlineData(0, "at least 1")]
    [InlineData(13, "Cannot make 13")]
    public void Options_ImpossibleClusterCount_IsAClearError(int clusters, string expected)
    {
        var options = new SpecialistClusteringOptions { Clusters = clusters, ExcludedClasses = new HashSet<int>() };
        var error = Assert.Throws<ArgumentException>(() => SpecialistClustering.ClusterCovariance(new double[12, 12], options));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Fit_MoreClustersThanDistinctPoints_IsAClearError()
    {
        var points = Enumerable.Repeat(new[] { 1.0, 2.0 }, 5).ToArray();
        var error = Assert.Throws<ArgumentException>(() => KMeans.Fit(points, 2, new KMeansOptions()));
        Assert.Contains("distinct", error.Message);
    }
}
