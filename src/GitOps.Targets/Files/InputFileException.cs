using GitOps.Targets.Errors;

namespace GitOps.Targets.Files;

/// <summary>A file the user gave the build cannot be read as one: not a regular file, too large, unreadable, not UTF-8.</summary>
public sealed class InputFileException : UsageException
{
    public InputFileException()
    {
    }

    public InputFileException(string message)
        : base(message)
    {
    }

    public InputFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <param name="filePath">How the file is named in messages.</param>
    /// <param name="line">The line at fault, or 0 when the whole file is.</param>
    /// <param name="problem">What is wrong and what is allowed, without the file's name.</param>
    /// <param name="innerException">The cause, if any.</param>
    public InputFileException(string filePath, int line, string problem, Exception? innerException = null)
        : base(line > 0 ? $"{filePath}:{line}: {problem}" : $"{filePath}: {problem}", innerException!)
    {
        FilePath = filePath;
        Line = line;
        Problem = problem;
    }

    public string FilePath { get; } = string.Empty;

    /// <summary>The line at fault; 0 when the problem is the whole file (missing, too large, a FIFO).</summary>
    public int Line { get; }

    public string Problem { get; } = string.Empty;
}
