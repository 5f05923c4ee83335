import java.io.FileInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Usage: Validate FLAVOUR FILE... (flavours as veraPDF names them: 2b, 3b, ua1).
 * Prints one line per file: "PASS file" or "FAIL file" followed by each failed rule
 * (clause-test: description), and exits 1 when a file fails.
 */
public final class Validate {
  public static void main(String[] args) throws Exception {
    VeraGreenfieldFoundryProvider.initialise();
    PDFAFlavour flavour = PDFAFlavour.fromString(args[0]);
    boolean allPass = true;
    for (int i = 1; i < args.length; i++) {
      try (InputStream in = new FileInputStream(args[i]);
           PDFAParser parser = Foundries.defaultInstance().createParser(in, flavour);
           PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
        ValidationResult result = validator.validate(parser);
        if (result.isCompliant()) {
          System.out.println("PASS " + args[i]);
          continue;
        }
        allPass = false;
        System.out.println("FAIL " + args[i]);
        TreeSet<String> failed = new TreeSet<>();
        for (TestAssertion assertion : result.getTestAssertions()) {
          if (assertion.getStatus() != TestAssertion.Status.FAILED) continue;
          failed.add("  " + assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber() + ": " + assertion.getMessage());
        }
        for (String line : failed) System.out.println(line);
      }
    }
    System.exit(allPass ? 0 : 1);
  }
}
