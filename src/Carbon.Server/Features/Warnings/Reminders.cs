using System.Text;
using Carbon.Domain.Access;
using Carbon.Domain.Warnings;
using Carbon.Server.Configuration;
using Carbon.Server.Ledger;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Carbon.Server.Features.Warnings;

/// <summary>What a reminder run did: accounts looked at, messages left, emails sent and emails that failed.</summary>
public sealed record ReminderRunResponse(DateOnly Day, int Accounts, int Messages, int Emails, int EmailFailures);

/// <summary>A message in the caller's account.</summary>
public sealed record MessageResponse(long Id, DateTimeOffset At, string Subject, string Body, string? Link, string? EmailedTo)
{
    public static MessageResponse From(MessageRecord m) => new(m.Id, m.At, m.Subject, m.Body, m.Link, m.EmailedTo);
}

/// <summary>
/// Reminders (催报): once a day, each enabled filer account whose firms have a month not filed by the deadline (应报未报)
/// or an alert nobody has answered gets one message in its account — and, where an SMTP server is configured and the
/// account has an email address, the same by email. One message per account per day, however often it runs; a day with
/// nothing outstanding leaves none. The alerts are the ones <see cref="AlertService"/> derives, so the message says
/// exactly what the alerts page shows.
/// </summary>
public sealed class ReminderService(ILedgerContextFactory contexts, AlertService alerts, ReminderMail mail, LedgerWriter writer, ReportingClock clock,
    TimeProvider time, ILogger<ReminderService> log)
{
    private readonly SemaphoreSlim _one = new(1, 1);

    public async Task<ReminderRunResponse> RunAsync(CancellationToken cancel = default)
    {
        await _one.WaitAsync(cancel);
        try
        {
            return await RunOnceAsync(cancel);
        }
        finally
        {
            _one.Release();
        }
    }

    private async Task<ReminderRunResponse> RunOnceAsync(CancellationToken cancel)
    {
        var today = clock.Today;
        var key = $"reminder:{today:yyyy-MM-dd}";
        List<(string UserName, string? Email, string[] Firms)> filers;
        HashSet<string> done;
        await using (var db = contexts.Create())
        {
            filers = (await db.Users.AsNoTracking().Include(u => u.Scopes).Where(u => u.Role == Role.Filer.Token() && !u.Disabled).ToListAsync(cancel))
                .Select(u => (u.UserName!, u.Email, u.Scopes.Where(s => s.Kind == "firm").Select(s => s.Key).ToArray())).ToList();
            done = (await db.Messages.AsNoTracking().Where(m => m.Key == key).Select(m => m.Account).ToListAsync(cancel)).ToHashSet(StringComparer.Ordinal);
        }
        int messages = 0, emails = 0, failures = 0;
        foreach (var (userName, email, firms) in filers.Where(f => !done.Contains(f.UserName)))
        {
            var caller = Caller.Of(userName, Role.Filer, firms);
            // In January, December's month and last year's alerts are still open: look at both years.
            var years = today.Month == 1 ? new[] { today.Year - 1, today.Year } : [today.Year];
            var open = new List<AlertRow>();
            foreach (var year in years)
            {
                open.AddRange((await alerts.ListAsync(year, caller)).Where(r => r.SubjectKind == "firm" && r.Alert.Level != AlertLevel.Green
                    && (r.Alert.Rule == AlertRule.Missing || r.Notes.Count == 0)));
            }
            if (open.Count == 0)
            {
                continue;
            }
            var (subject, body) = Compose(open, today);
            var to = mail.Enabled && !string.IsNullOrWhiteSpace(email) ? email : null;
            var message = new MessageRecord { Account = userName, Key = key, At = time.GetUtcNow(), Subject = subject, Body = body, Link = "/alerts", EmailedTo = to };
            // The message is written first: it is the record, and it claims the day, so the email goes once. One account's
            // failure does not stop the others'.
            try
            {
                await writer.WriteAsync(db => db.Messages.Add(message));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The reminder for {Account} could not be kept", userName);
                continue;
            }
            messages++;
            if (to is not null)
            {
                if (await mail.SendAsync(to, subject, body, cancel))
                {
                    emails++;
                }
                else
                {
                    failures++;
                }
            }
        }
        if (messages > 0)
        {
            log.LogInformation("Reminders for {Day}: {Messages} messages, {Emails} emails sent, {Failures} failed", today, messages, emails, failures);
        }
        return new ReminderRunResponse(today, filers.Count, messages, emails, failures);
    }

    /// <summary>The longest body the ledger keeps.</summary>
    private const int MaxBody = 8000;

    /// <summary>The message: how many months are unfiled and alerts unanswered, then one line each (at most 30; cut to fit the ledger).</summary>
    internal static (string Subject, string Body) Compose(IReadOnlyList<AlertRow> open, DateOnly today)
    {
        var missing = open.Count(r => r.Alert.Rule == AlertRule.Missing);
        var unanswered = open.Count - missing;
        var subject = $"Carbon 提醒：{missing} 个月份应报未报，{unanswered} 条预警待说明 ({missing} months not filed, {unanswered} alerts unanswered)";
        var body = new StringBuilder($"截至 {today:yyyy-MM-dd}，贵单位在 Carbon 中有以下事项待处理 (as of {today:yyyy-MM-dd}, please attend to):\n\n");
        foreach (var r in open.Take(30))
        {
            body.Append("- ").Append(r.Name).Append(' ').Append(r.Alert.Period).Append("：").Append(r.Alert.Message).Append('\n');
        }
        if (open.Count > 30)
        {
            body.Append($"- …… 另有 {open.Count - 30} 项 (and {open.Count - 30} more)\n");
        }
        const string footer = "\n请登录 Carbon 的“预警 Alerts”页面填报或说明 (sign in and open the Alerts page to file or explain).\n";
        if (body.Length > MaxBody - footer.Length - 8)
        {
            body.Length = MaxBody - footer.Length - 8;
            body.Append(" ……\n");
        }
        body.Append(footer);
        return (subject, body.ToString());
    }

    /// <summary>The caller's messages, newest first.</summary>
    public async Task<List<MessageRecord>> MessagesAsync(string account, int take = 100)
    {
        await using var db = contexts.Create();
        return await db.Messages.AsNoTracking().Where(m => m.Account == account).OrderByDescending(m => m.Id).Take(take).ToListAsync();
    }
}

/// <summary>Sends a reminder by email through the configured SMTP server (MailKit); a failure is logged, never thrown.</summary>
public sealed class ReminderMail(IOptions<CarbonOptions> options, ILogger<ReminderMail> log)
{
    private SmtpOptions Smtp => options.Value.Smtp;

    public bool Enabled => Smtp.Enabled;

    public async Task<bool> SendAsync(string to, string subject, string body, CancellationToken cancel)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(Smtp.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };
        try
        {
            using var client = new SmtpClient { Timeout = 30_000 };
            await client.ConnectAsync(Smtp.Host!, Smtp.Port, Smtp.RequireTls ? SecureSocketOptions.StartTls : SecureSocketOptions.StartTlsWhenAvailable, cancel);
            if (!string.IsNullOrEmpty(Smtp.UserName))
            {
                await client.AuthenticateAsync(Smtp.UserName, Smtp.Password ?? "", cancel);
            }
            await client.SendAsync(message, cancel);
            await client.DisconnectAsync(true, cancel);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Reminder email to {To} through {Host}:{Port} failed", to, Smtp.Host, Smtp.Port);
            return false;
        }
    }
}

/// <summary>
/// The daily run (driven by <see cref="Grains.IDailyRunGrain"/>'s reminder, once in the cluster): the reminders, then the
/// policies matched again (a certificate revoked or issued, a case closed: firms that have become eligible are told).
/// Each half is tried whatever the other did.
/// </summary>
public sealed class DailyWork(ReminderService reminders, Policies.PolicyService policies, ILogger<DailyWork> log) : Grains.IDailyWork
{
    public async Task RunAsync(CancellationToken cancel)
    {
        try
        {
            await reminders.RunAsync(cancel);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "The reminder run failed; it is tried again tomorrow");
        }
        await policies.NotifyAsync();   // logs its own failure, never throws
    }
}

/// <summary>Once the silo serves grains: the daily run's reminder registered (or moved to the configured hour, or removed).</summary>
public sealed class DailyRunSchedule(IHostApplicationLifetime lifetime, IGrainFactory grains, IOptions<CarbonOptions> options, ILogger<DailyRunSchedule> log)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = ScheduleAsync());
        return Task.CompletedTask;
    }

    private async Task ScheduleAsync()
    {
        var o = options.Value.Reminders;
        try
        {
            await grains.GetGrain<Grains.IDailyRunGrain>(Grains.DailyRunKeys.District).ScheduleAsync(o.Enabled, o.Hour);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "The daily reminder run could not be scheduled; reminders are not sent until the next start");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
