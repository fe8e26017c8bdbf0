package org.halyard.ui.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.halyard.ui.UiIds;

/**
 * What the UI tests need from SWT, from a non-UI test thread: run on the UI thread, find widgets
 * by their Halyard id, wait for a condition while the UI keeps running, save a screenshot.
 */
final class UiTestSupport {

    private UiTestSupport() {
    }

    static Display display() {
        return Display.getDefault();
    }

    /** Runs on the UI thread and hands back the result, rethrowing what failed there. */
    static <T> T onUi(Callable<T> task) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        display().syncExec(() -> {
            try {
                result.set(task.call());
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        if (failure.get() instanceof Error error) {
            throw error;
        }
        if (failure.get() != null) {
            throw new IllegalStateException("failed on the UI thread", failure.get());
        }
        return result.get();
    }

    static void onUi(Runnable task) {
        onUi(() -> {
            task.run();
            return null;
        });
    }

    /** Polls the condition on the UI thread until true; fails naming what was awaited. */
    static void waitUntil(String what, long timeoutMillis, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (!onUi(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeoutMillis + " ms waiting until " + what);
            }
            Thread.sleep(25);
        }
    }

    /** All controls under the parent carrying the Halyard widget id (UI thread only). */
    static <T extends Control> List<T> findAll(Composite parent, String id, Class<T> type) {
        List<T> found = new ArrayList<>();
        collect(parent, id, type, found);
        return found;
    }

    static <T extends Control> T find(Composite parent, String id, Class<T> type) {
        List<T> all = findAll(parent, id, type);
        if (all.size() != 1) {
            throw new AssertionError("expected one " + type.getSimpleName() + " with id \"" + id + "\", found " + all.size());
        }
        return all.get(0);
    }

    private static <T extends Control> void collect(Control control, String id, Class<T> type, List<T> found) {
        if (id.equals(control.getData(UiIds.KEY)) && type.isInstance(control)) {
            found.add(type.cast(control));
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                collect(child, id, type, found);
            }
        }
    }

    /** Saves what the shell shows to {@code target/screenshots/NAME.png} and returns the file. */
    static Path screenshot(Shell shell, String name) throws Exception {
        Path dir = Path.of(System.getProperty("halyard.screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        onUi(() -> {
            shell.forceActive();
            while (shell.getDisplay().readAndDispatch()) {
                // let pending paints happen before the pixels are copied
            }
            Rectangle area = shell.getBounds();
            Image image = new Image(shell.getDisplay(), area.width, area.height);
            GC gc = new GC(shell.getDisplay());
            try {
                gc.copyArea(image, area.x, area.y);
                ImageData data = image.getImageData();
                ImageLoader loader = new ImageLoader();
                loader.data = new ImageData[] {data};
                loader.save(file.toString(), SWT.IMAGE_PNG);
            } finally {
                gc.dispose();
                image.dispose();
            }
        });
        return file;
    }
}
