package org.losslab.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.losslab.app.core.Action;
import org.losslab.app.core.Workspace;

/**
 * Every action of the window, the global ones and each workspace's, and the three things made from
 * them: the menu bar, the keys, and the shortcut help. Shortcuts with a modifier (Ctrl+S) are menu
 * accelerators and work everywhere; a plain key (B, [, Space) acts only while its workspace is shown
 * and never while a text field has the focus, where the user is typing.
 */
public final class ActionCatalogue {
    /** The menus, in the order of the bar. */
    public static final List<String> MENUS = List.of("File", "Edit", "View", "Help");

    private final List<Action> global;
    private final Map<Workspace, List<Action>> byWorkspace = new LinkedHashMap<>();

    public ActionCatalogue(List<Action> global, List<Workspace> workspaces) {
        this.global = List.copyOf(global);
        for (Workspace w : workspaces) {
            byWorkspace.put(w, w.actions());
        }
    }

    /** The menu bar: each menu holds the global actions, then each workspace's, separated. */
    public MenuBar menuBar() {
        MenuBar bar = new MenuBar();
        for (String title : MENUS) {
            Menu menu = new Menu("_" + title);
            addItems(menu, global, title);
            for (List<Action> actions : byWorkspace.values()) {
                addItems(menu, actions, title);
            }
            bar.getMenus().add(menu);
        }
        bar.setId("menu-bar");
        return bar;
    }

    private static void addItems(Menu menu, List<Action> actions, String title) {
        List<MenuItem> items = new ArrayList<>();
        for (Action a : actions) {
            if (!title.equals(a.menu())) {
                continue;
            }
            boolean plainKey = !a.keys().isEmpty() && Action.isPlain(a.keys().get(0));
            MenuItem item = new MenuItem(a.text() + (plainKey ? "    (" + a.keyText() + ")" : ""));
            item.setMnemonicParsing(false);
            if (!a.keys().isEmpty() && !plainKey) {
                item.setAccelerator(a.keys().get(0));
            }
            item.setOnAction(e -> a.run().run());
            items.add(item);
        }
        if (!items.isEmpty() && !menu.getItems().isEmpty()) {
            menu.getItems().add(new SeparatorMenuItem());
        }
        menu.getItems().addAll(items);
    }

    /**
     * Wires the keys to a scene: the further shortcuts of menu actions and every modifier shortcut of
     * key-only actions as accelerators, and plain keys through one filter that asks which workspace is
     * shown.
     */
    public void install(Scene scene, Supplier<Workspace> shown) {
        List<Action> all = new ArrayList<>(global);
        byWorkspace.values().forEach(all::addAll);
        for (Action a : all) {
            for (int k = 0; k < a.keys().size(); k++) {
                KeyCombination key = a.keys().get(k);
                boolean inMenu = a.menu() != null && k == 0;
                if (!Action.isPlain(key) && !inMenu) {
                    scene.getAccelerators().put(key, a.run());
                }
            }
        }
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            Action a = plainAction(e, shown.get());
            if (a != null) {
                a.run().run();
                e.consume();
            }
        });
        scene.addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            Action a = plainAction(e, shown.get());
            if (a != null && a.release() != null) {
                a.release().run();
                e.consume();
            }
        });
    }

    private Action plainAction(KeyEvent e, Workspace shown) {
        if (e.getTarget() instanceof TextInputControl) {
            return null;
        }
        List<Action> candidates = new ArrayList<>(global);
        candidates.addAll(byWorkspace.getOrDefault(shown, List.of()));
        for (Action a : candidates) {
            for (KeyCombination key : a.keys()) {
                if (Action.isPlain(key) && key.match(e)) {
                    return a;
                }
            }
        }
        return null;
    }

    /** The shortcut help: every action with a key, by workspace, as "keys  text: help" lines. */
    public String help() {
        StringBuilder out = new StringBuilder();
        appendHelp(out, "Everywhere", global);
        byWorkspace.forEach((w, actions) -> appendHelp(out, w.title(), actions));
        return out.toString().trim();
    }

    private static void appendHelp(StringBuilder out, String heading, List<Action> actions) {
        List<Action> withKeys = actions.stream().filter(a -> !a.keys().isEmpty() || !a.help().isEmpty()).toList();
        if (withKeys.isEmpty()) {
            return;
        }
        out.append(heading).append('\n');
        for (Action a : withKeys) {
            out.append("  ");
            if (!a.keys().isEmpty()) {
                out.append(a.keyText()).append("  ");
            }
            out.append(a.text());
            if (!a.help().isEmpty()) {
                out.append(": ").append(a.help());
            }
            out.append('\n');
        }
        out.append('\n');
    }
}
