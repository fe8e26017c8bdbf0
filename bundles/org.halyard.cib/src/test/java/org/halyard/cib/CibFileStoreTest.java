package org.halyard.cib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.halyard.cib.model.Cib;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CibFileStoreTest {

    @TempDir
    Path dir;

    private static Cib atEpoch(int epoch) {
        Cib cib = Cib.empty();
        cib.setVersion(new CibVersion(0, epoch, 0));
        return cib;
    }

    @Test
    void firstStartHasNoCib() {
        assertTrue(new CibFileStore(dir, 3).load().isEmpty());
    }

    @Test
    void savedCibLoadsBackAndTheReplacedOneBecomesABackup() {
        CibFileStore store = new CibFileStore(dir, 3);
        store.save(atEpoch(1));
        store.save(atEpoch(2));
        CibFileStore.Loaded loaded = store.load().orElseThrow();
        assertEquals(new CibVersion(0, 2, 0), loaded.cib().version());
        assertFalse(loaded.recovered());
        assertEquals(List.of(dir.resolve("cib-1.raw")), store.backups());
        assertTrue(Files.exists(dir.resolve("cib-1.raw.sig")));
    }

    @Test
    void onlyTheNewestBackupsAreKept() {
        CibFileStore store = new CibFileStore(dir, 2);
        for (int epoch = 1; epoch <= 5; epoch++) {
            store.save(atEpoch(epoch));
        }
        assertEquals(List.of(dir.resolve("cib-3.raw"), dir.resolve("cib-4.raw")), store.backups());
        assertFalse(Files.exists(dir.resolve("cib-2.raw.sig")), "signatures go with their backups");
    }

    @Test
    void truncatedCurrentFileFallsBackToNewestBackupAndSaysWhy() throws Exception {
        CibFileStore store = new CibFileStore(dir, 3);
        store.save(atEpoch(1));
        store.save(atEpoch(2));
        Path current = dir.resolve("cib.xml");
        byte[] bytes = Files.readAllBytes(current);
        Files.write(current, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        CibFileStore.Loaded loaded = store.load().orElseThrow();
        assertEquals(new CibVersion(0, 1, 0), loaded.cib().version());
        assertEquals(dir.resolve("cib-1.raw"), loaded.from());
        assertTrue(loaded.recovered());
        assertTrue(loaded.problems().get(0).startsWith(current + ": digest mismatch (expected "), loaded.problems().get(0));
    }

    @Test
    void anEditThatKeepsTheXmlValidIsStillCaughtByTheDigest() throws Exception {
        CibFileStore store = new CibFileStore(dir, 3);
        store.save(atEpoch(7));
        store.save(atEpoch(8));
        Path current = dir.resolve("cib.xml");
        Files.writeString(current, Files.readString(current).replace("epoch=\"8\"", "epoch=\"9\""));
        assertEquals(new CibVersion(0, 7, 0), store.load().orElseThrow().cib().version());
    }

    @Test
    void currentFileWithoutDigestIsNotTrusted() throws Exception {
        CibFileStore store = new CibFileStore(dir, 3);
        store.save(atEpoch(1));
        store.save(atEpoch(2));
        Files.delete(dir.resolve("cib.xml.sig"));
        CibFileStore.Loaded loaded = store.load().orElseThrow();
        assertEquals(new CibVersion(0, 1, 0), loaded.cib().version());
        assertTrue(loaded.problems().get(0).contains("no digest file cib.xml.sig"), loaded.problems().get(0));
    }

    @Test
    void noIntactFileAtAllIsAnErrorNamingEachProblem() throws Exception {
        CibFileStore store = new CibFileStore(dir, 3);
        store.save(atEpoch(1));
        store.save(atEpoch(2));
        Files.writeString(dir.resolve("cib.xml"), "<cib");
        Files.writeString(dir.resolve("cib-1.raw"), "<cib");
        CibException e = assertThrows(CibException.class, store::load);
        assertTrue(e.getMessage().startsWith(dir + ": no intact CIB: " + dir.resolve("cib.xml") + ": digest mismatch"),
                e.getMessage());
        assertTrue(e.getMessage().contains("; " + dir.resolve("cib-1.raw") + ": digest mismatch"), e.getMessage());
    }

    @Test
    void quarantineKeepsTheDamagedFileForInspection() throws Exception {
        CibFileStore store = new CibFileStore(dir, 3);
        store.save(atEpoch(1));
        Path aside = store.quarantineCurrent();
        assertTrue(aside.getFileName().toString().startsWith("cib.xml.damaged-"));
        assertTrue(Files.exists(aside));
        assertTrue(Files.exists(aside.resolveSibling(aside.getFileName() + ".sig")), "its digest is kept with it");
        assertFalse(Files.exists(dir.resolve("cib.xml")));
        assertFalse(Files.exists(dir.resolve("cib.xml.sig")));
        assertEquals(List.of(aside), store.quarantined());
    }

    @Test
    void withNoIntactFileAllAreSetAsideNoneDeleted() throws Exception {
        CibFileStore store = new CibFileStore(dir, 3);
        for (int epoch = 1; epoch <= 3; epoch++) {
            store.save(atEpoch(epoch));
        }
        for (String name : List.of("cib.xml", "cib-1.raw", "cib-2.raw")) {
            Files.writeString(dir.resolve(name), "<cib");
        }
        assertThrows(CibException.class, store::load);

        List<Path> aside = store.quarantineAll();
        assertEquals(3, aside.size(), aside.toString());
        assertEquals(aside.stream().sorted().toList(), store.quarantined());
        for (Path file : aside) {
            assertEquals("<cib", Files.readString(file), "kept as it was: " + file);
            assertTrue(Files.exists(file.resolveSibling(file.getFileName() + ".sig")), "digest kept: " + file);
        }
        assertTrue(store.load().isEmpty(), "nothing set aside is loaded again");
        store.save(atEpoch(4));
        assertEquals(new CibVersion(0, 4, 0), store.load().orElseThrow().cib().version());
        assertEquals(List.of(), store.backups(), "the next save starts clean");
    }
}
