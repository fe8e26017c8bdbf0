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
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
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

    /**
     * Opens the control's context menu the way SWT does (a Show event, which lets JFace fill it),
     * checks the item is there and enabled, and selects it. The selection runs asynchronously: the
     * action may open a modal dialog, which the test then finds with {@link #waitForShell}.
     */
    static void clickMenu(Control control, String text) {
        MenuItem item = onUi(() -> {
            Menu menu = control.getMenu();
            menu.notifyListeners(SWT.Show, new Event());
            for (MenuItem candidate : menu.getItems()) {
                if (text.equals(candidate.getText().replace("&", ""))) {
                    if (!candidate.isEnabled()) {
                        throw new AssertionError("menu item \"" + text + "\" is disabled");
                    }
                    return candidate;
                }
            }
            throw new AssertionError("no menu item \"" + text + "\" in " + menuTexts(menu));
        });
        display().asyncExec(() -> {
            item.notifyListeners(SWT.Selection, new Event());
            Menu menu = item.getParent();
            if (!menu.isDisposed()) {
                menu.notifyListeners(SWT.Hide, new Event());
            }
        });
    }

    /** The texts of the control's context menu as it would show now (UI thread only). */
    static List<String> menuTexts(Control control) {
        Menu menu = control.getMenu();
        menu.notifyListeners(SWT.Show, new Event());
        List<String> texts = menuTexts(menu);
        menu.notifyListeners(SWT.Hide, new Event());
        return texts;
    }

    private static List<String> menuTexts(Menu menu) {
        List<String> texts = new ArrayList<>();
        for (MenuItem item : menu.getItems()) {
            if ((item.getStyle() & SWT.SEPARATOR) == 0) {
                texts.add(item.getText().replace("&", ""));
            }
        }
        return texts;
    }

    /** Waits for a visible shell with this title (a dialog) and returns it. */
    static Shell waitForShell(String title, long timeoutMillis) throws InterruptedException {
        AtomicReference<Shell> found = new AtomicReference<>();
        waitUntil("a window titled \"" + title + "\"", timeoutMillis, () -> {
            for (Shell shell : display().getShells()) {
                if (shell.isVisible() && title.equals(shell.getText())) {
                    found.set(shell);
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }

    /** Presses the button with this label in the shell, asynchronously (it may close a modal dialog). */
    static void pressButton(Shell shell, String label) {
        Button button = onUi(() -> findButton(shell, label));
        display().asyncExec(() -> button.notifyListeners(SWT.Selection, new Event()));
    }

    private static Button findButton(Composite parent, String label) {
        for (Control child : parent.getChildren()) {
            if (child instanceof Button b && label.equals(b.getText().replace("&", ""))) {
                return b;
            }
            if (child instanceof Composite c) {
                Button inner = findButton(c, label);
                if (inner != null) {
                    return inner;
                }
            }
        }
        if (parent instanceof Shell) {
            throw new AssertionError("no button \"" + label + "\" in window \"" + ((Shell) parent).getText() + "\"");
        }
        return null;
    }

    /** All labels' texts in the shell (to read a dialog's message). */
    static String allLabelText(Composite parent) {
        StringBuilder text = new StringBuilder();
        for (Control child : parent.getChildren()) {
            if (child instanceof Label l) {
                text.append(l.getText()).append('\n');
            } else if (child instanceof Composite c) {
                text.append(allLabelText(c));
            }
        }
        return text.toString();
    }

    /** Saves what the shell shows to {@code target/screenshots/NAME.png} and returns the file. */
    static Path screenshot(Shell shell, String name) throws Exception {
        Path dir = Path.of(System.getProperty("halyard.screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        // GTK paints on its next frames, after the widgets changed: give it a moment, dispatching,
        // or the picture shows the state before (two screenshots of different pages came out equal)
        long until = System.nanoTime() + 300_000_000L;
        while (System.nanoTime() < until) {
            onUi(() -> {
                shell.forceActive();
                while (shell.getDisplay().readAndDispatch()) {
                    // let pending paints happen before the pixels are copied
                }
                return null;
            });
            Thread.sleep(20);
        }
        onUi(() -> {
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
