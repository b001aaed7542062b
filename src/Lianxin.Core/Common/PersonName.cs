namespace Lianxin.Core.Common;

/// <summary>A person's name as screens show it without a reveal: the first character and at most three stars
/// (张三 → 张*, 欧阳娜娜 → 欧***), so the length of a long name is not shown either. Callers and parties entered
/// by hand, by the 110 API and by file import are masked alike.</summary>
public static class PersonName
{
    public static string Mask(string name) => name.Length <= 1 ? "*" : name[..1] + new string('*', Math.Min(name.Length - 1, 3));
}
