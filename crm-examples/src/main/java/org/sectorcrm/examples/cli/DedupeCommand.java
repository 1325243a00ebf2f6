package org.sectorcrm.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.SerializationFeature;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.dedupe.CandidatePair;
import org.sectorcrm.core.dedupe.MergeChoices;
import org.sectorcrm.core.dedupe.ReviewDecision;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.examples.CrmApplication;
import org.sectorcrm.examples.server.ApiJson;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dedupe scan|review|merge|unmerge ... --as EMAIL}: duplicate employers (docs/matching.md). */
@Command(name = "dedupe", mixinStandardHelpOptions = true,
        description = {"Duplicate employers, with the rights of the --as user:",
            "  scan [--out FILE] [--restart]: candidate pairs of stored employers as CSV (first_id,first_name,second_id,second_name,level,score,"
                    + "reasons,review); with --out the scan is resumable: FILE.cursor keeps its place and running the same command again"
                    + " continues a stopped scan (appending); --restart starts over;",
            "  review FIRST SECOND NOT_DUPLICATE|DUPLICATE|LATER [--comment TEXT]: remember a decision (NOT_DUPLICATE: never proposed again);",
            "  merge SURVIVOR MERGED [--take FIELD ...] [--preview]: merge MERGED into SURVIVOR (--take: fields whose merged value wins);"
                    + " --preview prints what it would do (JSON) and writes nothing;",
            "  unmerge MERGED: undo the merge of MERGED.",
            "Exit codes: 0 done; 2 nothing done (bad arguments, unknown --as, refused)."})
public final class DedupeCommand extends Job {
    @Parameters(index = "0", paramLabel = "ACTION", description = "scan, review, merge or unmerge")
    String action;

    @Parameters(index = "1..*", paramLabel = "ARG", arity = "0..*", description = "the action's employer ids (and the review's decision)")
    List<String> args = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", description = "scan: write the pairs to FILE (resumable; FILE.cursor keeps the place)")
    Path outFile;

    @Option(names = "--restart", description = "scan: start over, replacing FILE and its cursor")
    boolean restart;

    @Option(names = "--comment", paramLabel = "TEXT", description = "review: why")
    String comment;

    @Option(names = "--take", paramLabel = "FIELD", split = ",", description = "merge: fields whose merged employer's value wins (" + "legalName, fein, ...)")
    List<String> take = new ArrayList<>();

    @Option(names = "--preview", description = "merge: print what the merge would do and write nothing")
    boolean preview;

    /** Employers examined per scan page; the cursor file is written after each. */
    private static final int PAGE = 200;

    @Override
    protected int run(CrmApplication app) throws Exception {
        String a = action.toLowerCase(Locale.ROOT);
        CrmSession session = session(app);
        switch (a) {
            case "scan" -> {
                arity(0, "scan takes no ids");
                return scan(session);
            }
            case "review" -> {
                arity(3, "review needs FIRST SECOND and NOT_DUPLICATE, DUPLICATE or LATER");
                ReviewDecision d;
                try {
                    d = ReviewDecision.valueOf(args.get(2).toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new UsageException("decision '" + args.get(2) + "' is not NOT_DUPLICATE, DUPLICATE or LATER");
                }
                var r = session.dedupe().review(EmployerId.of(args.get(0)), EmployerId.of(args.get(1)), d, comment);
                out().println("review " + r.id() + ": " + r.first() + " " + r.second() + " " + r.decision());
                return OK;
            }
            case "merge" -> {
                arity(2, "merge needs SURVIVOR and MERGED employer ids");
                Map<String, MergeChoices.Side> fields = new LinkedHashMap<>();
                take.forEach(f -> fields.put(f.strip(), MergeChoices.Side.MERGED));
                MergeChoices choices = new MergeChoices(fields);
                EmployerId survivor = EmployerId.of(args.get(0));
                EmployerId merged = EmployerId.of(args.get(1));
                var json = ApiJson.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);
                if (preview) {
                    out().println(json.writeValueAsString(session.dedupe().preview(survivor, merged, choices)));
                } else {
                    var m = session.dedupe().merge(survivor, merged, choices);
                    out().println("merged " + merged + " into " + survivor + "; " + m.moved().size() + " records re-pointed");
                }
                return OK;
            }
            case "unmerge" -> {
                arity(1, "unmerge needs the MERGED employer id");
                var e = session.dedupe().unmerge(EmployerId.of(args.get(0)));
                out().println("restored " + e.id() + " (" + e.legalName() + ")");
                return OK;
            }
            default -> throw new UsageException("no action '" + action + "': scan, review, merge or unmerge");
        }
    }

    private void arity(int n, String message) {
        if (args.size() != n) {
            throw new UsageException(message);
        }
        if (!action.equalsIgnoreCase("scan") && (outFile != null || restart)) {
            throw new UsageException("--out and --restart belong to scan");
        }
    }

    private int scan(CrmSession session) throws IOException {
        Path cursorFile = outFile == null ? null : outFile.resolveSibling(outFile.getFileName() + ".cursor");
        String cursor = null;
        Writer target;
        if (outFile == null) {
            target = out();
        } else {
            boolean resume = !restart && Files.isRegularFile(cursorFile, LinkOption.NOFOLLOW_LINKS) && Files.isRegularFile(outFile, LinkOption.NOFOLLOW_LINKS);
            if (Files.exists(outFile, LinkOption.NOFOLLOW_LINKS) && !resume && !(restart && Files.isRegularFile(outFile, LinkOption.NOFOLLOW_LINKS))) {
                throw new UsageException(outFile + " exists and is no stopped scan (no " + cursorFile.getFileName() + "): give a new file or --restart");
            }
            if (resume) {
                cursor = Files.readString(cursorFile, StandardCharsets.UTF_8).strip();
                err().println("continuing the scan after employer " + cursor);
                target = Files.newBufferedWriter(outFile, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            } else {
                target = Files.newBufferedWriter(outFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
            }
        }
        PrintWriter w = target instanceof PrintWriter p ? p : new PrintWriter(target);
        boolean header = cursor == null;
        long pairs = 0;
        try {
            if (header) {
                w.println("first_id,first_name,second_id,second_name,level,score,reasons,review");
            }
            while (true) {
                Page<CandidatePair> page = session.dedupe().scan(cursor == null ? PageRequest.first(PAGE) : PageRequest.after(cursor, PAGE));
                for (CandidatePair p : page.items()) {
                    w.println(String.join(",", p.first().id().asString(), csv(p.first().legalName()), p.second().id().asString(),
                            csv(p.second().legalName()), p.level().name(), String.format(Locale.ROOT, "%.3f", p.score()), csv(p.explanation()),
                            p.review() == null ? "" : p.review().name()));
                    pairs++;
                }
                w.flush();
                cursor = page.nextCursor();
                if (cursorFile != null) {
                    if (cursor == null) {
                        Files.deleteIfExists(cursorFile);
                    } else {
                        Files.writeString(cursorFile, cursor + "\n", StandardCharsets.UTF_8);
                    }
                }
                if (cursor == null) {
                    break;
                }
            }
        } finally {
            if (outFile != null) {
                w.close();
            } else {
                w.flush();
            }
        }
        err().println(pairs + " candidate pairs");
        return OK;
    }

    private static String csv(String s) {
        if (s == null) {
            return "";
        }
        String t = s.startsWith("=") || s.startsWith("+") || s.startsWith("-") || s.startsWith("@") ? "'" + s : s;
        return t.contains(",") || t.contains("\"") || t.contains("\n") || t.contains("\r") ? "\"" + t.replace("\"", "\"\"") + "\"" : t;
    }
}
