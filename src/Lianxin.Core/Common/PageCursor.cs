using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Lianxin.Core.Common;

/// <summary>Where a page by key ended: the sort time (UTC ticks, 0 when the list sorts by id alone) and the id of its
/// last row. Clients get it as an opaque token naming its list, so a token of one list or sort is refused by another.
/// A token only says where to start reading; the caller's scope and filters still apply to every row read.</summary>
public sealed record PageCursor(long Ticks, Guid Id)
{
    public const string Invalid = "翻页标记（after）无效或不属于当前列表和排序，请从第一页重新查询";

    public DateTimeOffset At => new(Ticks, TimeSpan.Zero);

    public static PageCursor Of(DateTimeOffset at, Guid id) => new(at.UtcTicks, id);

    public string Write(string list) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{list}.{Ticks}.{Id:N}"));

    /// <summary>The cursor in <paramref name="text"/>, which must have been written for <paramref name="list"/>; anything
    /// else is a 422 on <c>after</c>.</summary>
    public static PageCursor Read(string list, string text)
    {
        string plain;
        try
        {
            plain = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text));
        }
        catch (FormatException)
        {
            throw new ValidationFailedException("after", Invalid);
        }
        var parts = plain.Split('.');
        if (
            parts.Length != 3
            || parts[0] != list
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !Guid.TryParseExact(parts[2], "N", out var id)
        )
            throw new ValidationFailedException("after", Invalid);
        return new PageCursor(ticks, id);
    }
}
