namespace AcousticDistill.Acoustic.Specialists;

/// <summary>
/// Lloyd's k-means with k-means++ seeding (Arthur and Vassilvitskii 2007) and restarts, for small dense point sets
/// (here: the 120 columns of a class covariance matrix). No cluster is ever left empty: an emptied cluster is
/// re-seeded with the point farthest from its centroid.
/// </summary>
public static class KMeans
{
    /// <summary>Partitions <paramref name="points"/> (equal-length rows) into <paramref name="k"/> non-empty clusters.</summary>
    public static KMeansResult Fit(IReadOnlyList<double[]> points, int k, KMeansOptions options)
    {
        options.Validate();
        if (k < 1)
        {
            throw new ArgumentException($"k-means needs at least one cluster (got {k}).");
        }
        if (k > points.Count)
        {
            throw new ArgumentException($"Cannot make {k} clusters of {points.Count} points.");
        }
        if (points.Select(p => p.Length).Distinct().Count() > 1)
        {
            throw new ArgumentException("All points must have the same dimension.");
        }
        var distinct = points.Select(p => string.Join(',', p)).Distinct().Count();
        if (k > distinct)
        {
            throw new ArgumentException($"Cannot make {k} non-empty clusters of points with only {distinct} distinct values.");
        }

        var random = new Random(options.Seed);
        KMeansResult? best = null;
        for (var restart = 0; restart < options.Restarts; restart++)
        {
            var result = Lloyd(points, SeedPlusPlus(points, k, random), options.MaxIterations);
            if (best is null || result.Inertia < best.Inertia)
            {
                best = result;
            }
        }
        return best!;
    }

    /// <summary>k-means++: first centre uniform, each further one drawn with probability ∝ squared distance to the nearest centre.</summary>
    private static double[][] SeedPlusPlus(IReadOnlyList<double[]> points, int k, Random random)
    {
        var centres = new List<double[]> { (double[])points[random.Next(points.Count)].Clone() };
        var nearest = points.Select(p => SquaredDistance(p, centres[0])).ToArray();
        while (centres.Count < k)
        {
            var total = nearest.Sum();
            var chosen = 0;
            if (total > 0)
            {
                var draw = random.NextDouble() * total;
                for (chosen = 0; chosen < points.Count - 1 && (draw -= nearest[chosen]) > 0; chosen++)
                {
                }
                // Guard against rounding landing on a point that already is a centre.
                if (nearest[chosen] == 0)
                {
                    chosen = Array.IndexOf(nearest, nearest.Max());
                }
            }
            centres.Add((double[])points[chosen].Clone());
            for (var p = 0; p < points.Count; p++)
            {
                nearest[p] = Math.Min(nearest[p], SquaredDistance(points[p], centres[^1]));
            }
        }
        return centres.ToArray();
    }

    private static KMeansResult Lloyd(IReadOnlyList<double[]> points, double[][] centroids, int maxIterations)
    {
        var assignment = Enumerable.Repeat(-1, points.Count).ToArray();
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            var changed = false;
            for (var p = 0; p < points.Count; p++)
            {
                var nearest = Nearest(points[p], centroids);
                changed |= nearest != assignment[p];
                assignment[p] = nearest;
            }
            FillEmptyClusters(points, centroids, assignment);
            UpdateCentroids(points, centroids, assignment);
            if (!changed)
            {
                break;
            }
        }
        var inertia = points.Select((p, i) => SquaredDistance(p, centroids[assignment[i]])).Sum();
        return new KMeansResult(assignment, centroids, inertia);
    }

    private static void FillEmptyClusters(IReadOnlyList<double[]> points, double[][] centroids, int[] assignment)
    {
        for (var c = 0; c < centroids.Length; c++)
        {
            if (assignment.Contains(c))
            {
                continue;
            }
            // Take the worst-fitting point from a cluster that can spare one (has at least two members).
            var sizes = new int[centroids.Length];
            foreach (var a in assignment)
            {
                sizes[a]++;
            }
            var donor = Enumerable.Range(0, points.Count)
                .Where(p => sizes[assignment[p]] > 1)
                .MaxBy(p => SquaredDistance(points[p], centroids[assignment[p]]));
            assignment[donor] = c;
            centroids[c] = (double[])points[donor].Clone();
        }
    }

    private static void UpdateCentroids(IReadOnlyList<double[]> points, double[][] centroids, int[] assignment)
    {
        var dim = points[0].Length;
        for (var c = 0; c < centroids.Length; c++)
        {
            var sum = new double[dim];
            var count = 0;
            for (var p = 0; p < points.Count; p++)
            {
                if (assignment[p] != c)
                {
                    continue;
                }
                count++;
                for (var d = 0; d < dim; d++)
                {
                    sum[d] += points[p][d];
                }
            }
            centroids[c] = sum.Select(s => s / count).ToArray();
        }
    }

    private static int Nearest(double[] point, double[][] centroids)
    {
        var best = 0;
        var bestDistance = double.PositiveInfinity;
        for (var c = 0; c < centroids.Length; c++)
        {
            var distance = SquaredDistance(point, centroids[c]);
            if (distance < bestDistance)
            {
                best = c;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static double SquaredDistance(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            var d = a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }
}
