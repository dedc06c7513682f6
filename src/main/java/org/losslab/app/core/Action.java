package org.losslab.app.core;

import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * One thing the user can do, declared once: its text, the menu it sits in (null: keys and help only),
 * its shortcuts, a line of help, and what it does. Menus, keys and the help text are all made from
 * these, so they cannot disagree.
 *
 * @param menu    the menu's title ("File", "Edit", ...), or null for an action reached by keys only
 * @param text    the menu text and the help's name for it
 * @param keys    shortcuts; the first is shown in the menu, the others work too
 * @param help    one line for the shortcut help (empty: the text says it all)
 * @param run     what it does on a key press or menu choice
 * @param release what a key release does (holding Space to pan), or null
 */
public record Action(String menu, String text, List<KeyCombination> keys, String help, Runnable run, Runnable release) {

    public Action {
        keys = List.copyOf(keys);
    }

    /** An action in a menu, with optional shortcuts. */
    public static Action menu(String menu, String text, Runnable run, KeyCombination... keys) {
        return new Action(menu, text, List.of(keys), "", run, null);
    }

    /** An action reached by keys (and listed in the help), not in a menu. */
    public static Action key(String text, String help, Runnable run, KeyCombination... keys) {
        return new Action(null, text, List.of(keys), help, run, null);
    }

    public Action withHelp(String line) {
        return new Action(menu, text, keys, line, run, release);
    }

    public Action onRelease(Runnable r) {
        return new Action(menu, text, keys, help, run, r);
    }

    /** A key alone, as tools use (B, E, [, ...). */
    public static KeyCombination plain(KeyCode code) {
        return new KeyCodeCombination(code);
    }

    /** Ctrl (Cmd on macOS) with a key. */
    public static KeyCombination shortcut(KeyCode code, KeyCombination.Modifier... more) {
        KeyCombination.Modifier[] all = new KeyCombination.Modifier[more.length + 1];
        all[0] = KeyCombination.SHORTCUT_DOWN;
        System.arraycopy(more, 0, all, 1, more.length);
        return new KeyCodeCombination(code, all);
    }

    /** Whether a shortcut is a key with no modifier, which a text field must keep for typing. */
    public static boolean isPlain(KeyCombination key) {
        return key.getShortcut() == KeyCombination.ModifierValue.UP && key.getControl() == KeyCombination.ModifierValue.UP
                && key.getAlt() == KeyCombination.ModifierValue.UP && key.getMeta() == KeyCombination.ModifierValue.UP
                && !(key instanceof KeyCodeCombination k && k.getCode().isFunctionKey());
    }

    /** The shortcuts as the help shows them ("Ctrl+Z, Ctrl+Shift+Z"). */
    public String keyText() {
        return String.join(", ", keys.stream().map(KeyCombination::getDisplayText).toList());
    }
}
