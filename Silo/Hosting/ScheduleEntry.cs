namespace AcousticDistill.Silo.Hosting;

/// <summary>One family's re-distillation schedule from configuration (section <c>Schedules</c>, a list).</summary>
public sealed class ScheduleEntry
{
    /// <summary>Model family, e.g. <c>en-16k</c>.</summary>
    public string Family { get; set; } = "";

    /// <summary>Time between scheduled runs.</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Corpus folder (train = transfer set, dev = judge).</summary>
    public string Corpus { get; set; } = "";

    /// <summary>Ensemble folder of the teachers (used when <see cref="TeacherKeys"/> and <see cref="SpecialistKeys"/> are empty).</summary>
    public string Teachers { get; set; } = "";

    /// <summary>Keys of trained teacher grains whose artifacts form the ensemble.</summary>
    public List<string> TeacherKeys { get; set; } = [];

    /// <summary>
    /// Keys of trained specialist grains (over one generalist): the generalist refined by them teaches instead of an
    /// ensemble. Not together with <see cref="TeacherKeys"/>.
    /// </summary>
    public List<string> SpecialistKeys { get; set; } = [];

    /// <summary>Softmax temperature.</summary>
    public double Temperature { get; set; } = 2.0;

    /// <summary>Weight of the hard-label loss.</summary>
    public double Alpha { get; set; } = 0.5;

    /// <summary>Training epochs of the student.</summary>
    public int Epochs { get; set; } = 4;

    /// <summary>Student hidden layers.</summary>
    public int HiddenLayers { get; set; } = 2;

    /// <summary>Student hidden width.</summary>
    public int HiddenWidth { get; set; } = 256;
}
