namespace NeuroNav.Corpus;

/// <summary>One thing wrong with a corpus: the file (or folder) and what is wrong with it.</summary>
public sealed record CorpusProblem(string File, string Problem);

/// <summary>The whole corpus checked against its part lists, for <c>neuronav verify --corpus</c>.</summary>
public static class CorpusIntegrity
{
    /// <summary>
    /// Every listed part of every layer checked (present, its size, sha256, row count and own metadata), and every part
    /// file no list names reported (a crash leftover or a stray copy: the project's readers ignore it, a plain
    /// <c>**/*.parquet</c> glob does not). Returns the problems and the number of listed parts checked.
    /// </summary>
    public static async Task<(IReadOnlyList<CorpusProblem> Problems, int Parts)> CheckAsync(string root, CancellationToken ct)
    {
        root = Path.GetFullPath(root);
        var problems = new List<CorpusProblem>();
        if (!PartList.IsMarked(root))
        {
            if (CorpusLayout.AnyPartFiles(root))
            {
                problems.Add(new CorpusProblem(PartList.MarkerPath(root), CommittedParts.Unadopted(root).Message));
            }

            return (problems, 0);
        }

        var parts = 0;
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var list in LoadAll(root, problems))
        {
            foreach (var entry in list.Parts)
            {
                parts++;
                listed.Add(entry.Path);
                if (await CommittedParts.ProblemAsync(root, list, entry, ct).ConfigureAwait(false) is { } problem)
                {
                    problems.Add(new CorpusProblem(Path.Combine(root, entry.Path), problem));
                }
            }
        }

        foreach (var (_, _, _, dir) in CorpusLayout.PartitionFolders(root))
        {
            foreach (var file in CorpusLayout.Parts(dir).Where(f => !listed.Contains(PartList.Relative(root, f))))
            {
                problems.Add(new CorpusProblem(file, $"Corpus file {file} is in no part list (a crash leftover or a stray copy): NeuroNav ignores it, a plain '**/*.parquet' glob reads it; the next scrape or compact removes it."));
            }
        }

        return (problems, parts);
    }

    /// <summary>
    /// Every committed part of the corpus (full paths, by list then path), each checked against its list entry: what a
    /// copy of the corpus must hold. Unlisted files are left out; a damaged listed part throws, naming the file.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ListedPartsAsync(string root, CancellationToken ct)
    {
        root = Path.GetFullPath(root);
        if (!PartList.IsMarked(root))
        {
            return CorpusLayout.AnyPartFiles(root) ? throw CommittedParts.Unadopted(root) : [];
        }

        var parts = new List<string>();
        foreach (var list in PartList.All(root))
        {
            foreach (var entry in list.Parts)
            {
                if (await CommittedParts.ProblemAsync(root, list, entry, ct).ConfigureAwait(false) is { } problem)
                {
                    throw new CorpusException(problem);
                }

                parts.Add(Path.Combine(root, entry.Path));
            }
        }

        return parts;
    }

    /// <summary>
    /// Checks every listed part of <paramref name="model"/>'s layers (all tables) before a reader relies on them, so a
    /// build stops before it writes anything; throws naming the first damaged file. Parts checked here are not hashed
    /// again by this process's readers.
    /// </summary>
    public static async Task CheckModelAsync(string root, string model, CancellationToken ct)
    {
        root = Path.GetFullPath(root);
        CorpusLayout.ValidateModel(model);
        if (!PartList.IsMarked(root))
        {
            return; // readers refuse an unadopted corpus with the way to adopt it
        }

        foreach (var list in PartList.All(root).Where(l => l.Model == model))
        {
            foreach (var entry in list.Parts)
            {
                if (await CommittedParts.ProblemAsync(root, list, entry, ct).ConfigureAwait(false) is { } problem)
                {
                    throw new CorpusException(problem);
                }
            }
        }
    }

    private static List<PartListDocument> LoadAll(string root, List<CorpusProblem> problems)
    {
        var lists = new List<PartListDocument>();
        using var all = PartList.All(root).GetEnumerator();
        while (true)
        {
            try
            {
                if (!all.MoveNext())
                {
                    return lists;
                }

                lists.Add(all.Current);
            }
            catch (CorpusException e)
            {
                problems.Add(new CorpusProblem(Path.Combine(root, PartList.Folder), e.Message));
                return lists;
            }
        }
    }
}
