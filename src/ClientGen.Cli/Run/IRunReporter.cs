namespace ClientGen.Cli.Run;

/// <summary>Where a vendor run reports its steps and status polls as they happen.</summary>
internal interface IRunReporter
{
    /// <summary>A step or status of <paramref name="vendor"/>'s run.</summary>
    void Report(string vendor, string message);

    /// <summary>The run of <paramref name="vendor"/> has ended.</summary>
    void Finished(string vendor, bool succeeded);
}
