namespace Lianxin.Tests.Support;

/// <summary>A test against a cluster started by <c>deploy/cluster.sh up</c>: <c>LIANXIN_CLUSTER</c> names the
/// cluster.env file that script writes. ./test.sh starts the cluster and runs these tests on their own after the
/// rest; elsewhere they are skipped.</summary>
public sealed class ClusterFactAttribute : FactAttribute
{
    public const string Variable = "LIANXIN_CLUSTER";

    public static string? EnvFile => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    public ClusterFactAttribute()
    {
        if (EnvFile is null)
            Skip = $"{Variable} is not set: ./test.sh starts a cluster (deploy/cluster.sh) and runs these tests against it";
    }
}
