using Lianxin.Core.Common;
using Lianxin.Core.Incidents.Import;

namespace Lianxin.Tests.Incidents;

/// <summary>Every import-batch action tried from every status, against a table written out apart from the domain's.</summary>
public class ImportTransitionTableTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly HashSet<(IncidentImportStatus, ImportAction)> Expected =
    [
        (IncidentImportStatus.Reading, ImportAction.Run),
        (IncidentImportStatus.Reading, ImportAction.Complete),
        (IncidentImportStatus.Reading, ImportAction.GiveUp),
        (IncidentImportStatus.Staged, ImportAction.Run),
        (IncidentImportStatus.Staged, ImportAction.Complete),
        (IncidentImportStatus.Staged, ImportAction.GiveUp),
    ];

    public static TheoryData<IncidentImportStatus, ImportAction> AllPairs()
    {
        var data = new TheoryData<IncidentImportStatus, ImportAction>();
        foreach (var status in Enum.GetValues<IncidentImportStatus>())
        foreach (var action in Enum.GetValues<ImportAction>())
            data.Add(status, action);
        return data;
    }

    private static IncidentImport Batch() =>
        IncidentImport.Start(
            "警情.csv",
            1024,
            new string('a', 64),
            ImportFileFormat.Csv,
            "UTF-8",
            "importer",
            "导入员",
            Guid.NewGuid(),
            T0
        );

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void The_table_allows_each_action_only_from_an_unfinished_batch(IncidentImportStatus from, ImportAction action)
    {
        Assert.Equal(Expected.Contains((from, action)), ImportTransitions.IsAllowed(from, action));
        Assert.Equal(from is IncidentImportStatus.Reading or IncidentImportStatus.Staged, from.IsUnfinished());
        if (!Expected.Contains((from, action)))
            Assert.StartsWith(
                $"导入批次当前为“{from.Label()}”，不能{action.Label()}。当前可以：",
                ImportTransitions.RefusalMessage(from, action),
                StringComparison.Ordinal
            );
    }

    [Fact]
    public void A_batch_completes_once_with_its_counts_and_then_refuses_every_step()
    {
        var b = Batch();
        Assert.Equal(IncidentImportStatus.Reading, b.Status);
        b.Complete(rows: 10, valid: 8, invalid: 2, stored: 5, T0.AddMinutes(1));
        Assert.Equal(
            (IncidentImportStatus.Done, 10, 8, 2, 5, 3, (DateTimeOffset?)T0.AddMinutes(1)),
            (b.Status, b.Rows, b.Valid, b.Invalid, b.Stored, b.Duplicates, b.FinishedAt)
        );
        var error = Assert.Throws<ConflictException>(() => b.GiveUp("文件已删除", T0.AddDays(8)));
        Assert.Equal("导入批次当前为“已完成”，不能放弃导入。当前可以：无。", error.Message);
        Assert.Throws<ConflictException>(() => b.Complete(1, 1, 0, 1, T0.AddDays(1)));
        Assert.Equal((IncidentImportStatus.Done, 10, (string?)null), (b.Status, b.Rows, b.Failure));
    }

    [Fact]
    public void A_batch_given_up_keeps_why_and_cannot_be_completed_afterwards()
    {
        var b = Batch();
        b.GiveUp("文件已删除", T0.AddDays(8));
        Assert.Equal((IncidentImportStatus.Failed, "文件已删除", (DateTimeOffset?)T0.AddDays(8)), (b.Status, b.Failure, b.FinishedAt));
        Assert.Throws<ConflictException>(() => b.Complete(1, 1, 0, 1, T0.AddDays(9)));
        Assert.Equal(IncidentImportStatus.Failed, b.Status);
    }
}
