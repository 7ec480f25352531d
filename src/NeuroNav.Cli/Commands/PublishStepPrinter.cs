using System.Globalization;
using NeuroNav.Publish;
using Spectre.Console;
using static NeuroNav.Cli.CliText;

namespace NeuroNav.Cli.Commands;

/// <summary>Prints each step of a publish as it happens: a plan's totals per reason (with <c>--list</c> every path), then what was applied and published.</summary>
internal sealed class PublishStepPrinter(IAnsiConsole console, bool list) : IProgress<PublishStep>
{
    public void Report(PublishStep value)
    {
        switch (value)
        {
            case TreePlanned p:
                Print(p.Name + " → " + p.Where, p.Plan);
                break;
            case CorsApplied:
                console.MarkupLine("CORS rules applied: GET and HEAD from any origin.");
                break;
            case PublicReadApplied r:
                console.MarkupLineInterpolated($"Bucket policy applied: {r.Distribution ?? "anyone"} may get the objects under {r.Where} (s3:GetObject only).");
                break;
            case WebsiteApplied w:
                if (w.SiteWithoutErrorDocument is { } site)
                {
                    console.MarkupLineInterpolated($"[yellow]{site} has no {BucketAccess.ErrorDocument}: missing keys get the store's own error page until a build writes it.[/]");
                }

                console.MarkupLineInterpolated($"Website hosting applied: folders serve {BucketAccess.IndexDocument}, missing keys {w.ErrorDocumentKey}.");
                break;
            case TreePublished { Report: var r } t:
                console.MarkupLineInterpolated(
                    $"{t.Name}: uploaded {N(r.FilesUploaded)} file(s), {N(r.BytesUploaded)} bytes; manifest {(r.ManifestUploaded ? "uploaded" : "unchanged")}; deleted {N(r.ObjectsDeleted)}.");
                break;
            case CorpusManifestMerged m:
                console.MarkupLineInterpolated($"corpus manifest: {N(m.Files)} file(s) from the partition manifests.");
                break;
        }
    }

    public static string Label(UploadReason reason) => reason switch
    {
        UploadReason.New => "new",
        UploadReason.Changed => "changed",
        UploadReason.MissingRemotely => "missing remotely",
        _ => reason.ToString(),
    };

    private void Print(string title, PublishPlan plan)
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

}
