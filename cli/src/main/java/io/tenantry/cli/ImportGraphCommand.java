package io.tenantry.cli;

import io.tenantry.core.error.ValidationException;
import io.tenantry.reports.GraphImport;
import io.tenantry.reports.ReportFunction;
import io.tenantry.reports.score.ExportScore;
import io.tenantry.reports.score.ScenarioResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tenantry import-graph DIR}: reads the Microsoft Graph report CSV exports in a folder,
 * validates them and prints, on standard output, one tab-separated line per file of what was
 * recognised ({@code file, function, rows, concealed, missing columns, unknown columns}). Exit 65
 * when any file is bad data (every problem listed with its file and line): a malformed cell, a row
 * whose field count differs from the header's, a repeated column, or a file named after a
 * supported function whose content is not that report. A file whose header fits several functions
 * equally well is listed as {@code undecided} with a warning and not used; unrecognised files and
 * files named after a Graph report Tenantry does not import are listed with a warning.
 *
 * <p>With {@code --score} it then prints the parts of the Usage Score that the exports allow
 * ({@link ExportScore}): a blank line, a header, and one tab-separated line per scenario ({@code
 * scenario, numerator, denominator, points, maturity}), a not-computable scenario with {@code -}
 * and the reason in the maturity column; exports of different report periods exit 65.
 */
@Command(name = "import-graph", mixinStandardHelpOptions = true,
    description = "Validate Microsoft Graph report CSV exports and show what was recognised.")
public final class ImportGraphCommand implements Callable<Integer> {

  @ParentCommand
  TenantryCommand parent;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The folder holding the exports.")
  Path dir;

  @Option(names = "--score",
      description = "Also compute the parts of the Usage Score that the exports allow.")
  boolean score;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Console console = Console.of(spec);
    if (!Files.exists(dir)) {
      throw new NoSuchFileException(dir.toString());
    }
    if (!Files.isDirectory(dir)) {
      throw new CliException(ExitCodes.NO_INPUT, "cannot read " + dir
          + ": not a folder (import-graph reads the exports in a folder)");
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv"))
          .filter(Files::isRegularFile).sorted().toList();
    }
    out.println("file\tfunction\trows\tconcealed\tmissing columns\tunknown columns");
    int bad = 0;
    int recognised = 0;
    int undecided = 0;
    List<GraphImport.Imported> imported = new ArrayList<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      try {
        GraphImport.Imported imp = GraphImport.read(file);
        if (imp.function() == null && imp.candidates().size() > 1) {
          undecided++;
          console.warning(name + ": undecided, not used: the header fits " + imp.candidates()
              .stream().map(ReportFunction::graphName).collect(Collectors.joining(", "))
              + " equally well; name the file after its function to decide");
          out.println(name + "\tundecided\t-\t-\t-\t-");
          continue;
        }
        if (imp.function() == null) {
          var unsupported = GraphImport.unsupportedFunction(name);
          console.warning(name + (unsupported.isPresent() ? ": " + unsupported.get()
              + " is a Graph report that Tenantry does not import; not used"
              : ": not recognised as a Graph report export; not used"));
          out.println(name + "\t-\t-\t-\t-\t-");
          continue;
        }
        recognised++;
        imported.add(imp);
        out.println(name + "\t" + imp.function().graphName() + "\t" + imp.table().rows().size()
            + "\t" + (imp.concealed() ? "yes" : "no") + "\t"
            + String.join(";", imp.missingColumns()) + "\t"
            + String.join(";", imp.unknownColumns()));
      } catch (ValidationException e) {
        bad++;
        e.problems().forEach(p -> console.error(p.toString()));
        out.println(name + "\tinvalid\t-\t-\t-\t-");
      }
    }
    console.summary(files.size() + " file(s), " + recognised + " recognised, " + undecided
        + " undecided, " + bad + " invalid");
    if (score) {
      try {
        printScore(ExportScore.of(imported), out);
      } catch (IllegalArgumentException e) {
        console.error(e.getMessage());
        bad++;
      }
    }
    out.flush();
    return bad > 0 ? ExitCodes.DATA_ERROR : ExitCodes.OK;
  }

  private static void printScore(ExportScore.Result result, PrintWriter out) {
    out.println();
    out.println("scenario\tnumerator\tdenominator\tpoints\tmaturity (over the exports' "
        + (result.period() == null ? "period" : "D" + result.period()) + ")");
    for (ScenarioResult r : result.scenarios()) {
      out.println(r.scenario().displayName() + "\t" + r.numerator() + "\t" + r.denominator()
          + "\t" + (r.applicable() ? r.points().toPlainString() : "null") + "\t"
          + (r.applicable() ? r.maturity().level() + " " + r.maturity().displayName() : "null"));
    }
    result.notComputable().forEach((scenario, reason) -> out.println(scenario.displayName()
        + "\t-\t-\t-\tnot computable: " + reason));
  }
}
