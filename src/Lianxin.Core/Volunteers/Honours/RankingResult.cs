using Lianxin.Core.Common;

namespace Lianxin.Core.Volunteers.Honours;

public sealed record RankingResult(int Year, RankingOrder By, Guid? OrgUnitId, string UnitName, PagedResult<RankingRow> Page);
