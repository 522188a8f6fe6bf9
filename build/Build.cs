namespace GitOps.Build;

internal static class Build
{
    // Replaced by the target graph once the engine lands (issue 2).
    public static int Main()
    {
        Console.Error.WriteLine("The build engine is not implemented yet.");
        return 1;
    }
}
