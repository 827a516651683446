using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Carbon.Server.Ledger;

/// <summary>
/// The ledger: the one source of truth. Provider-neutral; <see cref="SqliteLedgerDbContext"/> and
/// <see cref="PostgresLedgerDbContext"/> exist only so each provider has its own migrations.
/// </summary>
public abstract class LedgerDbContext(DbContextOptions options) : IdentityUserContext<AccountRecord>(options), IDataProtectionKeyContext
{
    public DbSet<AccountScopeRecord> AccountScopes => Set<AccountScopeRecord>();
    public DbSet<ApiTokenRecord> ApiTokens => Set<ApiTokenRecord>();
    public DbSet<SetupCodeRecord> SetupCodes => Set<SetupCodeRecord>();

    /// <summary>ASP.NET Core data-protection keys, shared by every silo so each accepts the others' cookies.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ParkRecord> Parks => Set<ParkRecord>();
    public DbSet<EnterpriseRecord> Enterprises => Set<EnterpriseRecord>();
    public DbSet<EnterpriseRevisionRecord> EnterpriseRevisions => Set<EnterpriseRevisionRecord>();
    public DbSet<FilingRecord> Filings => Set<FilingRecord>();
    public DbSet<FilingEnergyRecord> FilingEnergy => Set<FilingEnergyRecord>();
    public DbSet<FilingProductRecord> FilingProducts => Set<FilingProductRecord>();
    public DbSet<AuditEventRecord> AuditEvents => Set<AuditEventRecord>();
    public DbSet<EvaluationRunRecord> EvaluationRuns => Set<EvaluationRunRecord>();
    public DbSet<EvaluationInputRecord> EvaluationInputs => Set<EvaluationInputRecord>();
    public DbSet<GreenFactoryApplicationRecord> GreenFactoryApplications => Set<GreenFactoryApplicationRecord>();
    public DbSet<GreenFactoryEventRecord> GreenFactoryEvents => Set<GreenFactoryEventRecord>();
    public DbSet<SupervisionCaseRecord> SupervisionCases => Set<SupervisionCaseRecord>();
    public DbSet<SupervisionStepRecord> SupervisionSteps => Set<SupervisionStepRecord>();
    public DbSet<SupervisionPlanRecord> SupervisionPlans => Set<SupervisionPlanRecord>();
    public DbSet<SupervisionEvidenceRecord> SupervisionEvidence => Set<SupervisionEvidenceRecord>();
    public DbSet<InspectorConflictRecord> InspectorConflicts => Set<InspectorConflictRecord>();
    public DbSet<FirmRegisterRecord> FirmRegisters => Set<FirmRegisterRecord>();
    public DbSet<CertificateRecord> Certificates => Set<CertificateRecord>();
    public DbSet<CertificateRevocationRecord> CertificateRevocations => Set<CertificateRevocationRecord>();
    public DbSet<CertificateBatchRecord> CertificateBatches => Set<CertificateBatchRecord>();
    public DbSet<ImportFileRecord> ImportFiles => Set<ImportFileRecord>();
    public DbSet<ImportCommitRecord> ImportCommits => Set<ImportCommitRecord>();
    public DbSet<Form2051LineRecord> Form2051Lines => Set<Form2051LineRecord>();
    public DbSet<EnergyBudgetRecord> EnergyBudgets => Set<EnergyBudgetRecord>();
    public DbSet<AlertNoteRecord> AlertNotes => Set<AlertNoteRecord>();
    public DbSet<EnergyReportRecord> EnergyReports => Set<EnergyReportRecord>();
    public DbSet<GridElectricityRecord> GridElectricity => Set<GridElectricityRecord>();
    public DbSet<MessageRecord> Messages => Set<MessageRecord>();
    public DbSet<ParcelRecord> Parcels => Set<ParcelRecord>();
    public DbSet<ParcelEventRecord> ParcelEvents => Set<ParcelEventRecord>();
    public DbSet<RectificationCaseRecord> RectificationCases => Set<RectificationCaseRecord>();
    public DbSet<RectificationStepRecord> RectificationSteps => Set<RectificationStepRecord>();
    public DbSet<RectificationEvidenceRecord> RectificationEvidence => Set<RectificationEvidenceRecord>();
    public DbSet<MicroParkRecord> MicroParks => Set<MicroParkRecord>();
    public DbSet<MicroParkEventRecord> MicroParkEvents => Set<MicroParkEventRecord>();
    public DbSet<PolicyRecord> Policies => Set<PolicyRecord>();
    public DbSet<PolicyApplicationRecord> PolicyApplications => Set<PolicyApplicationRecord>();
    public DbSet<PolicyApplicationStepRecord> PolicyApplicationSteps => Set<PolicyApplicationStepRecord>();
    public DbSet<PlanTaskRecord> PlanTasks => Set<PlanTaskRecord>();
    public DbSet<PlanTaskReportRecord> PlanTaskReports => Set<PlanTaskReportRecord>();
    public DbSet<ServiceRequestRecord> ServiceRequests => Set<ServiceRequestRecord>();
    public DbSet<ServiceRequestStepRecord> ServiceRequestSteps => Set<ServiceRequestStepRecord>();
    public DbSet<ServiceRequestAttachmentRecord> ServiceRequestAttachments => Set<ServiceRequestAttachmentRecord>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);   // Identity's users, claims, logins (external sign-in) and tokens
        model.Entity<AccountRecord>(e =>
        {
            e.Property(a => a.Role).HasMaxLength(32);
            e.Property(a => a.DisplayName).HasMaxLength(200);
            e.Property(a => a.CreatedBy).HasMaxLength(100);
            e.HasMany(a => a.Scopes).WithOne().HasForeignKey(s => s.AccountId);
        });
        model.Entity<AccountScopeRecord>(e =>
        {
            e.ToTable("account_scopes");
            e.HasKey(s => new { s.AccountId, s.Kind, s.Key });
            e.Property(s => s.Kind).HasMaxLength(16);
            e.Property(s => s.Key).HasMaxLength(64);
        });
        model.Entity<ApiTokenRecord>(e =>
        {
            e.ToTable("api_tokens");
            e.HasKey(t => t.Id);
            e.Property(t => t.Id).HasMaxLength(32);
            e.Property(t => t.Name).HasMaxLength(100);
            e.Property(t => t.Hash).HasMaxLength(64);
            e.HasIndex(t => t.Hash).IsUnique();
            e.HasIndex(t => t.AccountId);
        });
        model.Entity<SetupCodeRecord>(e =>
        {
            e.ToTable("setup_codes");
            e.HasKey(c => c.Id);
            e.Property(c => c.Hash).HasMaxLength(64);
        });
        model.Entity<ParkRecord>(e =>
        {
            e.ToTable("parks");
            e.HasKey(p => p.Code);
            e.Property(p => p.Code).HasMaxLength(32);
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.Kind).HasMaxLength(64);
            e.Property(p => p.RegisteredBy).HasMaxLength(100);
        });
        model.Entity<EnterpriseRecord>(e =>
        {
            e.ToTable("enterprises");
            e.HasKey(x => x.Uscc);
            e.Property(x => x.Uscc).HasMaxLength(18).IsFixedLength();
            e.Property(x => x.RegisteredBy).HasMaxLength(100);
            e.HasOne<ParkRecord>().WithMany().HasForeignKey(x => x.ParkCode).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.ParkCode);
        });
        model.Entity<EnterpriseRevisionRecord>(e =>
        {
            e.ToTable("enterprise_revisions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Uscc).HasMaxLength(18).IsFixedLength();
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Industry).HasMaxLength(100);
            e.Property(x => x.IndustryCode).HasMaxLength(8);
            e.Property(x => x.Scale).HasMaxLength(16);
            e.Property(x => x.ParcelGroup).HasMaxLength(40);
            e.Property(x => x.Designations).HasMaxLength(100);
            e.Property(x => x.Reason).HasMaxLength(1000);
            e.Property(x => x.Actor).HasMaxLength(100);
            e.HasOne<EnterpriseRecord>().WithMany().HasForeignKey(x => x.Uscc).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.Uscc, x.Revision }).IsUnique();
        });
        model.Entity<FilingRecord>(e =>
        {
            e.ToTable("filings");
            e.HasKey(f => f.Id);
            e.Property(f => f.Uscc).HasMaxLength(18).IsFixedLength();
            e.Property(f => f.Reason).HasMaxLength(1000);
            e.Property(f => f.Confirmation).HasMaxLength(1000);
            e.Property(f => f.Actor).HasMaxLength(100);
            e.HasOne<EnterpriseRecord>().WithMany().HasForeignKey(f => f.Uscc).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(f => new { f.Uscc, f.Year, f.Month, f.Revision }).IsUnique();
            e.HasIndex(f => new { f.Year, f.Month });
            e.HasMany(f => f.Energy).WithOne().HasForeignKey(l => l.FilingId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(f => f.Products).WithOne().HasForeignKey(l => l.FilingId).OnDelete(DeleteBehavior.Restrict);
        });
        model.Entity<FilingProductRecord>(e =>
        {
            e.ToTable("filing_products");
            e.HasKey(l => new { l.FilingId, l.Line });
            e.Property(l => l.Name).HasMaxLength(100);
            e.Property(l => l.Unit).HasMaxLength(16);
        });
        model.Entity<FilingEnergyRecord>(e =>
        {
            e.ToTable("filing_energy");
            e.HasKey(l => new { l.FilingId, l.Line });
            e.Property(l => l.Carrier).HasMaxLength(32);
            e.Property(l => l.Unit).HasMaxLength(16);
        });
        model.Entity<AuditEventRecord>(e =>
        {
            e.ToTable("audit_events");
            e.HasKey(a => a.Id);
            e.Property(a => a.Actor).HasMaxLength(100);
            e.Property(a => a.Action).HasMaxLength(64);
            e.Property(a => a.Subject).HasMaxLength(100);
            e.HasIndex(a => a.Subject);
            e.HasIndex(a => a.At);   // a year's events, for the archive export and the audit trail by date
        });
        model.Entity<EvaluationRunRecord>(e =>
        {
            e.ToTable("evaluation_runs");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).HasMaxLength(32);
            e.Property(r => r.MethodId).HasMaxLength(64);
            e.Property(r => r.MethodVersion).HasMaxLength(100);
            e.Property(r => r.FactorSetVersion).HasMaxLength(100);
            e.Property(r => r.CreatedBy).HasMaxLength(100);
            e.HasMany(r => r.Inputs).WithOne().HasForeignKey(i => i.RunId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(r => r.Year);
        });
        model.Entity<EvaluationInputRecord>(e =>
        {
            e.ToTable("evaluation_inputs");
            e.HasKey(i => new { i.RunId, i.Uscc });
            e.Property(i => i.RunId).HasMaxLength(32);
            e.Property(i => i.Uscc).HasMaxLength(18).IsFixedLength();
            e.Property(i => i.Name).HasMaxLength(200);
            e.Property(i => i.Industry).HasMaxLength(100);
            e.Property(i => i.IndustryCode).HasMaxLength(8);
            e.Property(i => i.ParkCode).HasMaxLength(32);
            e.Property(i => i.Scale).HasMaxLength(16);
            e.Property(i => i.ParcelGroup).HasMaxLength(40);
            e.Property(i => i.LandSource).HasMaxLength(1000);
            e.Property(i => i.FilingRevisions).HasMaxLength(200);
        });
        model.Entity<GreenFactoryApplicationRecord>(e =>
        {
            e.ToTable("green_factory_applications");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).HasMaxLength(32);
            e.Property(a => a.Uscc).HasMaxLength(18).IsFixedLength();
            e.Property(a => a.RuleSetId).HasMaxLength(64);
            e.Property(a => a.Product).HasMaxLength(100);
            e.Property(a => a.CreatedBy).HasMaxLength(100);
            e.HasOne<EnterpriseRecord>().WithMany().HasForeignKey(a => a.Uscc).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(a => a.Events).WithOne().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(a => a.Uscc);
        });
        model.Entity<GreenFactoryEventRecord>(e =>
        {
            e.ToTable("green_factory_events");
            e.HasKey(x => x.Id);
            e.Property(x => x.ApplicationId).HasMaxLength(32);
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.Actor).HasMaxLength(100);
            e.Property(x => x.Comment).HasMaxLength(2000);
        });
        model.Entity<SupervisionPlanRecord>(e =>
        {
            e.ToTable("supervision_plans");
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).HasMaxLength(32);
            e.Property(p => p.Kind).HasMaxLength(32);
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.CreatedBy).HasMaxLength(100);
        });
        model.Entity<SupervisionCaseRecord>(e =>
        {
            e.ToTable("supervision_cases");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).HasMaxLength(32);
            e.Property(c => c.Uscc).HasMaxLength(18).IsFixedLength();
            e.Property(c => c.Mode).HasMaxLength(16);
            e.Property(c => c.Trigger).HasMaxLength(16);
            e.Property(c => c.PlanId).HasMaxLength(32);
            e.Property(c => c.AssignedInspectors).HasMaxLength(400);
            e.Property(c => c.CreatedBy).HasMaxLength(100);
            e.HasOne<EnterpriseRecord>().WithMany().HasForeignKey(c => c.Uscc).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<SupervisionPlanRecord>().WithMany().HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(c => c.Steps).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => c.Uscc);
            e.HasIndex(c => c.Year);
        });
        model.Entity<SupervisionStepRecord>(e =>
        {
            e.ToTable("supervision_steps");
            e.HasKey(x => x.Id);
            e.Property(x => x.CaseId).HasMaxLength(32);
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.Actor).HasMaxLength(100);
            e.Property(x => x.ActorRole).HasMaxLength(32);
        });
        model.Entity<SupervisionEvidenceRecord>(e =>
        {
            e.ToTable("supervision_evidence");
            e.HasKey(x => x.Sha256);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.CaseId).HasMaxLength(32);
            e.Property(x => x.FileName).HasMaxLength(200);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.UploadedBy).HasMaxLength(100);
            e.HasOne<SupervisionCaseRecord>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        });
        model.Entity<FirmRegisterRecord>(e =>
        {
            e.ToTable("firm_registers");
            e.HasKey(x => x.Id);
            e.Property(x => x.Uscc).HasMaxLength(18).IsFixedLength();
            e.Property(x => x.Kind).HasMaxLength(16);
            e.Property(x => x.Actor).HasMaxLength(100);
            e.Property(x => x.Reason).HasMaxLength(500);
            e.HasOne<EnterpriseRecord>().WithMany().HasForeignKey(x => x.Uscc).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.Uscc, x.Kind, x.Revision }).IsUnique();
        });
        model.Entity<InspectorConflictRecord>(e =>
        {
            e.ToTable("inspector_conflicts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Inspector).HasMaxLength(100);
            e.Property(x => x.Uscc).HasMaxLength(18).IsFixedLength();
            e.Property(x => x.Reason).HasMaxLength(500);
            e.HasIndex(x => new { x.Inspector, x.Uscc });
        });
        model.Entity<CertificateRecord>(e =>
        {
            e.ToTable("certificates");
            e.HasKey(c => c.Number);
            e.Property(c => c.Number).HasMaxLength(32);
            e.Property(c => c.Kind).HasMaxLength(32);
            e.Property(c => c.Uscc).HasMaxLength(18).IsFixedLength();
            e.Property(c => c.SourceId).HasMaxLength(48);
            e.Property(c => c.BatchId).HasMaxLength(32);
            e.Property(c => c.IssuedBy).HasMaxLength(100);
            e.Property(c => c.Sha256).HasMaxLength(64);
            e.Property(c => c.Signature).HasMaxLength(200);
            e.HasOne<EnterpriseRecord>().WithMany().HasForeignKey(c => c.Uscc).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => c.Uscc);
            e.HasIndex(c => c.Sha256);
            e.HasIndex(c => new { c.BatchId, c.Uscc }).IsUnique();
        });
        model.Entity<CertificateRevocationRecord>(e =>
        {
            e.ToTable("certificate_revocations");
            e.HasKey(r => r.Number);
            e.Property(r => r.Number).HasMaxLength(32);
            e.Property(r => r.Actor).HasMaxLength(100);
            e.Property(r => r.Reason).HasMaxLength(1000);
            e.HasOne<CertificateRecord>().WithOne().HasForeignKey<CertificateRevocationRecord>(r => r.Number).OnDelete(DeleteBehavior.Restrict);
        });
        model.Entity<ImportFileRecord>(e =>
        {
            e.ToTable("import_files");
            e.HasKey(f => f.Id);
            e.Property(f => f.Id).HasMaxLength(32);
            e.Property(f => f.Kind).HasMaxLength(32);
            e.Property(f => f.FileName).HasMaxLength(255);
            e.Property(f => f.Sha256).HasMaxLength(64);
            e.Property(f => f.UploadedBy).HasMaxLength(100);
            e.HasIndex(f => f.Sha256);
        });
        model.Entity<ImportCommitRecord>(e =>
        {
            e.ToTable("import_commits");
            e.HasKey(c => c.Id);
            e.Property(c => c.ImportId).HasMaxLength(32);
            e.Property(c => c.Actor).HasMaxLength(100);
            e.HasOne<ImportFileRecord>().WithMany().HasForeignKey(c => c.ImportId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => c.ImportId);
        });
        model.Entity<Form2051LineRecord>(e =>
        {
            e.ToTable("form2051_lines");
            e.HasKey(l => l.Id);
            e.Property(l => l.ImportId).HasMaxLength(32);
            e.Property(l => l.Uscc).HasMaxLength(18).IsFixedLength();
            e.Property(l => l.Code).HasMaxLength(8);
            e.Property(l => l.Name).HasMaxLength(100);
            e.Property(l => l.Unit).HasMaxLength(20);
            e.HasOne<ImportFileRecord>().WithMany().HasForeignKey(l => l.ImportId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<EnterpriseRecord>().WithMany().HasForeignKey(l => l.Uscc).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(l => new { l.Uscc, l.Year, l.Month });
        });
        model.Entity<EnergyBudgetRecord>(e =>
        {
            e.ToTable("energy_budgets");
            e.HasKey(b => b.Id);
            e.Property(b => b.Uscc).HasMaxLength(18).IsFixedLength();
            e.Property(b => b.Reason).HasMaxLength(500);
            e.Property(b => b.Actor).HasMaxLength(100);
            e.HasOne<EnterpriseRecord>().WithMany().HasForeignKey(b => b.Uscc).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(b => new { b.Uscc, b.Year });
        });
        model.Entity<AlertNoteRecord>(e =>
        {
            e.ToTable("alert_notes");
            e.HasKey(n => n.Id);
            e.Property(n => n.Rule).HasMaxLength(32);
            e.Property(n => n.Subject).HasMaxLength(32);
            e.Property(n => n.Detail).HasMaxLength(32);
            e.Property(n => n.Kind).HasMaxLength(32);
            e.Property(n => n.Text).HasMaxLength(1000);
            e.Property(n => n.Actor).HasMaxLength(100);
            e.HasIndex(n => new { n.Subject, n.Year, n.Month });
        });
        model.Entity<EnergyReportRecord>(e =>
        {
            e.ToTable("energy_reports");
            e.HasKey(r => r.Id);
            e.Property(r => r.Uscc).HasMaxLength(18).IsFixedLength();
            e.Property(r => r.Reference).HasMaxLength(200);
            e.Property(r => r.Actor).HasMaxLength(100);
            e.HasOne<EnterpriseRecord>().WithMany().HasForeignKey(r => r.Uscc).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(r => new { r.Year, r.Uscc });
        });
        model.Entity<GridElectricityRecord>(e =>
        {
            e.ToTable("grid_electricity");
            e.HasKey(g => g.Id);
            e.Property(g => g.Uscc).HasMaxLength(18).IsFixedLength();
            e.Property(g => g.Source).HasMaxLength(200);
            e.Property(g => g.Actor).HasMaxLength(100);
            e.HasOne<EnterpriseRecord>().WithMany().HasForeignKey(g => g.Uscc).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(g => new { g.Year, g.Uscc, g.Month });
        });
        model.Entity<MessageRecord>(e =>
        {
            e.ToTable("messages");
            e.HasKey(m => m.Id);
            e.Property(m => m.Account).HasMaxLength(100);
            e.Property(m => m.Key).HasMaxLength(64);
            e.Property(m => m.Subject).HasMaxLength(200);
            e.Property(m => m.Body).HasMaxLength(8000);
            e.Property(m => m.Link).HasMaxLength(200);
            e.Property(m => m.EmailedTo).HasMaxLength(254);
            e.HasIndex(m => new { m.Account, m.Key }).IsUnique();
        });
        model.Entity<ParcelRecord>(e =>
        {
            e.ToTable("parcels");
            e.HasKey(p => p.Code);
            e.Property(p => p.Code).HasMaxLength(32);
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.LocationKind).HasMaxLength(32);
            e.Property(p => p.Location).HasMaxLength(200);
            e.Property(p => p.ParkCode).HasMaxLength(32);
            e.Property(p => p.LandUse).HasMaxLength(100);
            e.Property(p => p.Supply).HasMaxLength(32);
            e.Property(p => p.Remedies).HasMaxLength(2000);
            e.Property(p => p.CreatedBy).HasMaxLength(100);
        });
        model.Entity<ParcelEventRecord>(e =>
        {
            e.ToTable("parcel_events");
            e.HasKey(p => p.Id);
            e.Property(p => p.ParcelCode).HasMaxLength(32);
            e.Property(p => p.Event).HasMaxLength(32);
            e.Property(p => p.State).HasMaxLength(32);
            e.Property(p => p.Holder).HasMaxLength(18).IsFixedLength();
            e.Property(p => p.Document).HasMaxLength(200);
            e.Property(p => p.Detail).HasMaxLength(4000);
            e.Property(p => p.Lessee).HasMaxLength(18).IsFixedLength();
            e.Property(p => p.Disposal).HasMaxLength(32);
            e.Property(p => p.Actor).HasMaxLength(100);
            e.HasOne<ParcelRecord>().WithMany().HasForeignKey(p => p.ParcelCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<EnterpriseRecord>().WithMany().HasForeignKey(p => p.Holder).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(p => p.ParcelCode);
            e.HasIndex(p => p.Holder);
        });
        model.Entity<RectificationCaseRecord>(e =>
        {
            e.ToTable("rectification_cases");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).HasMaxLength(32);
            e.Property(c => c.Campaign).HasMaxLength(64);
            e.Property(c => c.Uscc).HasMaxLength(18).IsFixedLength();
            e.Property(c => c.Block).HasMaxLength(200);
            e.Property(c => c.Town).HasMaxLength(100);
            e.Property(c => c.ParkCode).HasMaxLength(32);
            e.Property(c => c.Problems).HasMaxLength(200);
            e.Property(c => c.SupervisionCaseId).HasMaxLength(32);
            e.Property(c => c.ResponsibleUnit).HasMaxLength(200);
            e.Property(c => c.Measures).HasMaxLength(2000);
            e.Property(c => c.CreatedBy).HasMaxLength(100);
            e.HasIndex(c => c.Campaign);
        });
        model.Entity<RectificationStepRecord>(e =>
        {
            e.ToTable("rectification_steps");
            e.HasKey(s => s.Id);
            e.Property(s => s.CaseId).HasMaxLength(32);
            e.Property(s => s.Kind).HasMaxLength(32);
            e.Property(s => s.State).HasMaxLength(32);
            e.Property(s => s.Text).HasMaxLength(2000);
            e.Property(s => s.Closure).HasMaxLength(32);
            e.Property(s => s.Evidence).HasMaxLength(700);
            e.Property(s => s.Actor).HasMaxLength(100);
            e.HasOne<RectificationCaseRecord>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(s => s.CaseId);
        });
        model.Entity<RectificationEvidenceRecord>(e =>
        {
            e.ToTable("rectification_evidence");
            e.HasKey(x => new { x.CaseId, x.Sha256 });
            e.Property(x => x.CaseId).HasMaxLength(32);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.FileName).HasMaxLength(200);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.UploadedBy).HasMaxLength(100);
            e.HasOne<RectificationCaseRecord>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        });
        model.Entity<MicroParkRecord>(e =>
        {
            e.ToTable("micro_parks");
            e.HasKey(m => m.Code);
            e.Property(m => m.Code).HasMaxLength(32);
            e.Property(m => m.Name).HasMaxLength(200);
            e.Property(m => m.Operator).HasMaxLength(200);
            e.Property(m => m.DevelopmentModel).HasMaxLength(100);
            e.Property(m => m.Town).HasMaxLength(100);
            e.Property(m => m.ParkCode).HasMaxLength(32);
            e.Property(m => m.Industries).HasMaxLength(200);
            e.Property(m => m.WorstClass).HasMaxLength(1);
            e.Property(m => m.CreatedBy).HasMaxLength(100);
        });
        model.Entity<MicroParkEventRecord>(e =>
        {
            e.ToTable("micro_park_events");
            e.HasKey(m => m.Id);
            e.Property(m => m.MicroParkCode).HasMaxLength(32);
            e.Property(m => m.Uscc).HasMaxLength(18).IsFixedLength();
            e.Property(m => m.Event).HasMaxLength(32);
            e.Property(m => m.Detail).HasMaxLength(1000);
            e.Property(m => m.Actor).HasMaxLength(100);
            e.HasOne<MicroParkRecord>().WithMany().HasForeignKey(m => m.MicroParkCode).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(m => m.MicroParkCode);
        });
        model.Entity<PolicyRecord>(e =>
        {
            e.ToTable("policies");
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).HasMaxLength(32);
            e.Property(p => p.Title).HasMaxLength(200);
            e.Property(p => p.DocumentNumber).HasMaxLength(100);
            e.Property(p => p.RateBase).HasMaxLength(32);
            e.Property(p => p.RulesJson).HasMaxLength(8000);
            e.Property(p => p.PublishedBy).HasMaxLength(100);
        });
        model.Entity<PolicyApplicationRecord>(e =>
        {
            e.ToTable("policy_applications");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).HasMaxLength(32);
            e.Property(a => a.PolicyId).HasMaxLength(32);
            e.Property(a => a.Uscc).HasMaxLength(18).IsFixedLength();
            e.Property(a => a.Facts).HasMaxLength(4000);
            e.Property(a => a.Confirmed).HasMaxLength(2000);
            e.Property(a => a.CreatedBy).HasMaxLength(100);
            e.HasOne<PolicyRecord>().WithMany().HasForeignKey(a => a.PolicyId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(a => new { a.PolicyId, a.Uscc });
        });
        model.Entity<PolicyApplicationStepRecord>(e =>
        {
            e.ToTable("policy_application_steps");
            e.HasKey(s => s.Id);
            e.Property(s => s.ApplicationId).HasMaxLength(32);
            e.Property(s => s.Kind).HasMaxLength(32);
            e.Property(s => s.Text).HasMaxLength(2000);
            e.Property(s => s.Actor).HasMaxLength(100);
            e.HasOne<PolicyApplicationRecord>().WithMany().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(s => s.ApplicationId);
        });
        model.Entity<PlanTaskRecord>(e =>
        {
            e.ToTable("plan_tasks");
            e.HasKey(t => t.Id);
            e.Property(t => t.Id).HasMaxLength(32);
            e.Property(t => t.PlanId).HasMaxLength(64);
            e.Property(t => t.Title).HasMaxLength(200);
            e.Property(t => t.Kind).HasMaxLength(16);
            e.Property(t => t.Unit).HasMaxLength(100);
            e.Property(t => t.Targets).HasMaxLength(700);
            e.Property(t => t.Measures).HasMaxLength(2000);
            e.Property(t => t.Cadence).HasMaxLength(16);
            e.Property(t => t.StagesJson).HasMaxLength(8000);
            e.Property(t => t.CreatedBy).HasMaxLength(100);
            e.HasIndex(t => t.PlanId);
        });
        model.Entity<PlanTaskReportRecord>(e =>
        {
            e.ToTable("plan_task_reports");
            e.HasKey(r => r.Id);
            e.Property(r => r.TaskId).HasMaxLength(32);
            e.Property(r => r.Period).HasMaxLength(8);
            e.Property(r => r.Progress).HasMaxLength(16);
            e.Property(r => r.Figures).HasMaxLength(2000);
            e.Property(r => r.Obstacles).HasMaxLength(2000);
            e.Property(r => r.StagesMet).HasMaxLength(200);
            e.Property(r => r.Actor).HasMaxLength(100);
            e.HasOne<PlanTaskRecord>().WithMany().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(r => r.TaskId);
        });
        model.Entity<ServiceRequestRecord>(e =>
        {
            e.ToTable("service_requests");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).HasMaxLength(32);
            e.Property(r => r.Uscc).HasMaxLength(18).IsFixedLength();
            e.Property(r => r.Category).HasMaxLength(32);
            e.Property(r => r.Title).HasMaxLength(200);
            e.Property(r => r.Text).HasMaxLength(4000);
            e.Property(r => r.FiledBy).HasMaxLength(100);
            e.HasOne<EnterpriseRecord>().WithMany().HasForeignKey(r => r.Uscc).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(r => r.Uscc);
        });
        model.Entity<ServiceRequestStepRecord>(e =>
        {
            e.ToTable("service_request_steps");
            e.HasKey(s => s.Id);
            e.Property(s => s.RequestId).HasMaxLength(32);
            e.Property(s => s.Kind).HasMaxLength(16);
            e.Property(s => s.State).HasMaxLength(16);
            e.Property(s => s.Unit).HasMaxLength(100);
            e.Property(s => s.Text).HasMaxLength(4000);
            e.Property(s => s.Actor).HasMaxLength(100);
            e.HasOne<ServiceRequestRecord>().WithMany().HasForeignKey(s => s.RequestId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(s => s.RequestId);
        });
        model.Entity<ServiceRequestAttachmentRecord>(e =>
        {
            e.ToTable("service_request_attachments");
            e.HasKey(x => new { x.RequestId, x.Sha256 });
            e.Property(x => x.RequestId).HasMaxLength(32);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.FileName).HasMaxLength(200);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.UploadedBy).HasMaxLength(100);
            e.HasOne<ServiceRequestRecord>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Restrict);
        });
        model.Entity<CertificateBatchRecord>(e =>
        {
            e.ToTable("certificate_batches");
            e.HasKey(b => b.Id);
            e.Property(b => b.Id).HasMaxLength(32);
            e.Property(b => b.Kind).HasMaxLength(32);
            e.Property(b => b.EvaluationId).HasMaxLength(32);
            e.Property(b => b.CreatedBy).HasMaxLength(100);
        });
    }
}

/// <summary>The embedded default: SQLite in WAL mode.</summary>
public sealed class SqliteLedgerDbContext(DbContextOptions<SqliteLedgerDbContext> options) : LedgerDbContext(options);

/// <summary>PostgreSQL, for several machines.</summary>
public sealed class PostgresLedgerDbContext(DbContextOptions<PostgresLedgerDbContext> options) : LedgerDbContext(options);
