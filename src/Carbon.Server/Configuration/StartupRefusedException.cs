namespace Carbon.Server.Configuration;

/// <summary>
/// Something on the machine the operator must fix before the service may start (a key file others can read): stops
/// the service with the reason and what to do, like a bad setting.
/// </summary>
public sealed class StartupRefusedException(string problem) : Exception(problem);
