namespace NeuroNav.Core;

/// <summary>The process exit codes of <c>neuronav</c>, documented in the README.</summary>
public enum ExitCode
{
    Success = 0,

    /// <summary>The run finished; some neurons were recorded as failed, missing or invalid.</summary>
    CompletedWithFailures = 1,

    /// <summary>The command line or a configuration file is wrong.</summary>
    BadArguments = 2,

    /// <summary>The run could not go on (unreadable corpus, disk full, broken template).</summary>
    Aborted = 3,

    /// <summary>A source stopped answering (connection errors, timeouts or 5xx many requests in a row); everything stored is kept, a rerun resumes.</summary>
    SourceUnreachable = 4,

    /// <summary>Stopped by Ctrl+C; everything finished so far is kept.</summary>
    Cancelled = 130,
}
