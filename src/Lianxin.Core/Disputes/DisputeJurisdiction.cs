namespace Lianxin.Core.Disputes;

/// <summary>Triage (分级分类): who should handle it. Simple police matters are mediated on the scene,
/// complex ones in the comprehensive mediation room, others transferred (警调衔接).</summary>
public enum DisputeJurisdiction
{
    PoliceSimple = 1, // 公安管辖·简单
    PoliceComplex = 2, // 公安管辖·复杂
    NotPolice = 3, // 非公安管辖
}
