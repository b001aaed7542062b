namespace Lianxin.Core.Incidents.Repeats;

/// <summary>What ties the incidents of a cluster together.</summary>
public enum RepeatClusterKind
{
    Address = 1, // the same normalised address (同一地址)
    Phone = 2, // the same caller (同一报警电话)
    Party = 3, // the same dispute party (同一当事人)
}
