namespace NeuroNav.Build.Verify;

/// <summary>One thing wrong with a site: the site-relative file it is about, and what is wrong.</summary>
public sealed record VerifyProblem(string Path, string What)
{
    public override string ToString() => $"{Path}: {What}";
}

/// <summary>What <see cref="SiteVerifier"/> checked and found.</summary>
/// <param name="Files">Files listed by the manifest, checked for size and sha256.</param>
/// <param name="Documents">JSON documents validated against their schema.</param>
/// <param name="Pages">HTML pages whose links were followed.</param>
/// <param name="Links">Links (href/src) checked.</param>
/// <param name="Neurons">Stored neurons of the corpus whose documents and page were looked for.</param>
public sealed record VerifyReport(long Files, long Documents, long Pages, long Links, long Neurons, IReadOnlyList<VerifyProblem> Problems)
{
    public bool Ok => Problems.Count == 0;
}
