using System.Globalization;
using NeuroNav.Publish;
using Spectre.Console;

namespace NeuroNav.Cli.Commands;

/// <summary>Prints a publish plan: totals per reason, and with <c>--list</c> every path.</summary>
internal static class PublishPlanPrinter
{
    public static void Print(IAnsiConsole console, string title, PublishPlan plan, bool list)
    {
        var table = new Table().Title(Markup.Escape(title)).AddColumn("action").AddColumn(new TableColumn("files").RightAligned()).AddColumn(new TableColumn("bytes").RightAligned());
        foreach (var reason in Enum.GetValues<UploadReason>())
        {
            var uploads = plan.Uploads.Where(u => u.Reason == reason).ToList();
            table.AddRow($"upload ({Label(reason)})", N(uploads.Count), N(uploads.Sum(u => u.Bytes)));
        }

        table.AddRow("upload manifest", plan.UploadManifest ? "1" : "0", "");
        table.AddRow("delete", N(plan.Deletes.Count), "");
        table.AddRow("unchanged", N(plan.Unchanged), "");
        table.Caption($"compared with the stored {plan.ComparedWith}");
        console.Write(table);
        if (list)
        {
            foreach (var u in plan.Uploads)
            {
                console.WriteLine($"upload {u.Path} ({Label(u.Reason)})");
            }

            foreach (var d in plan.Deletes)
            {
                console.WriteLine($"delete {d}");
            }
        }
    }

    public static string Label(UploadReason reason) => reason switch
    {
        UploadReason.New => "new",
        UploadReason.Changed => "changed",
        UploadReason.MissingRemotely => "missing remotely",
        _ => reason.ToString(),
    };

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
