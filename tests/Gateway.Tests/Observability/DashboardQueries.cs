using System.Text.RegularExpressions;

namespace AcousticDistill.Gateway.Tests.Observability;

/// <summary>
/// The Grafana dashboards of the Helm chart (helm/acoustic-distill/dashboards/*.json) and the metric names their
/// PromQL queries use.
/// </summary>
public static partial class DashboardQueries
{
    private static readonly HashSet<string> s_keywords = new(StringComparer.Ordinal)
    {
        "and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring", "group_left", "group_right", "inf", "nan",
    };

    /// <summary>The repository root: the first folder above the test binaries that holds the chart.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, "helm", "acoustic-distill", "dashboards")))
            {
                return directory.FullName;
            }
        }
        throw new DirectoryNotFoundException(
            $"No helm/acoustic-distill/dashboards above {AppContext.BaseDirectory}: run the tests from the repository's build output.");
    }

    /// <summary>Every dashboard file of the chart.</summary>
    public static IReadOnlyList<string> Files() =>
        Directory.GetFiles(Path.Combine(RepositoryRoot(), "helm", "acoustic-distill", "dashboards"), "*.json").Order().ToArray();

    /// <summary>The PromQL of every <c>expr</c> in a dashboard (panel targets, nested rows) and of its query variables.</summary>
    public static IEnumerable<string> Queries(JsonNode dashboard)
    {
        foreach (var node in Walk(dashboard))
        {
            if (node is JsonObject obj)
            {
                if (obj["expr"] is JsonValue expr && expr.TryGetValue<string>(out var promQl))
                {
                    yield return promQl;
                }
                // A query variable: {"query": {"query": "label_values(metric, label)"}} or {"definition": "..."}.
                if (obj["type"] is JsonValue type && type.TryGetValue<string>(out var kind) && kind == "query"
                    && obj["query"] is JsonObject variable && variable["query"] is JsonValue text
                    && text.TryGetValue<string>(out var variableQuery))
                {
                    yield return variableQuery;
                }
            }
        }
    }

    /// <summary>
    /// The metric names in a PromQL expression: identifiers that are not functions or aggregations (followed by a
    /// parenthesis), keywords, label names (in braces or grouping clauses), durations or Grafana variables.
    /// </summary>
    public static IReadOnlySet<string> MetricNames(string promQl)
    {
        var text = StringLiteral().Replace(promQl, "\"\"");
        text = LabelMatchers().Replace(text, " ");
        text = RangeOrSubquery().Replace(text, " ");
        text = Grouping().Replace(text, " ");
        text = GrafanaVariable().Replace(text, " ");
        text = LabelValuesLabel().Replace(text, "$1)");
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match match in Identifier().Matches(text))
        {
            if (!s_keywords.Contains(match.Value))
            {
                names.Add(match.Value);
            }
        }
        return names;
    }

    private static IEnumerable<JsonNode> Walk(JsonNode? node)
    {
        if (node is null)
        {
            yield break;
        }
        yield return node;
        var children = node switch
        {
            JsonObject obj => obj.Select(pair => pair.Value),
            JsonArray array => array,
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var descendant in Walk(child))
            {
                yield return descendant;
            }
        }
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex LabelMatchers();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex RangeOrSubquery();

    [GeneratedRegex(@"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"\$\{?\w+(?::\w+)?\}?")]
    private static partial Regex GrafanaVariable();

    // label_values(metric, label): keep the metric, drop the label.
    [GeneratedRegex(@"(label_values\s*\(\s*[A-Za-z_:][\w:]*)\s*,\s*\w+\s*\)")]
    private static partial Regex LabelValuesLabel();

    [GeneratedRegex(@"(?<![\w:.])[A-Za-z_:][\w:]*(?![\w:])(?!\s*\()")]
    private static partial Regex Identifier();
}
