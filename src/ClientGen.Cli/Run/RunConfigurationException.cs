using System;

namespace ClientGen.Cli.Run;

/// <summary>The run cannot start as configured (a missing credential, an unknown environment); nothing was sent.</summary>
internal sealed class RunConfigurationException : Exception
{
    public RunConfigurationException(string message)
        : base(message)
    {
    }
}
