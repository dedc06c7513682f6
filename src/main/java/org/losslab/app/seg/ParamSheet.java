package org.losslab.app.seg;

import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.AbstractPropertyEditor;
import org.controlsfx.property.editor.DefaultPropertyEditorFactory;
import org.controlsfx.property.editor.PropertyEditor;
import org.losslab.engine.EngineException;
import org.losslab.engine.LossSpec;
import org.losslab.engine.ParamSpec;
import org.losslab.engine.ParamType;
import org.losslab.engine.Params;
import org.losslab.scene.Json;

/**
 * The parameter editor of one loss, built from the registry's typed parameters: a check box for
 * booleans, a choice for words, a text field for numbers and lists (typed as in a scene file), each
 * with its description and range as tooltip. An edit is checked like a scene value; a wrong one is
 * reported and not applied.
 */
public final class ParamSheet extends PropertySheet {
    private final BiConsumer<String, Params> onChange;
    private final java.util.function.Consumer<String> onError;
    private LossSpec<?> spec;
    private Params current;

    private final java.util.function.Function<String, Params> source;

    /**
     * @param source   the current parameters of a loss (read at every edit, so that two editors of the
     *                 same document never undo each other)
     * @param onChange receives a checked new parameter set
     * @param onError  receives the message of a rejected edit
     */
    public ParamSheet(java.util.function.Function<String, Params> source, BiConsumer<String, Params> onChange,
                      java.util.function.Consumer<String> onError) {
        this.source = source;
        this.onChange = onChange;
        this.onError = onError;
        setId("param-sheet");
        setModeSwitcherVisible(false);
        setSearchBoxVisible(false);
        DefaultPropertyEditorFactory defaults = new DefaultPropertyEditorFactory();
        setPropertyEditorFactory(item -> item instanceof Item i ? editorFor(i) : defaults.call(item));
    }

    /** Shows the parameters of a loss with their current values. */
    public void show(LossSpec<?> lossSpec, Params values) {
        spec = lossSpec;
        current = values;
        ObservableList<PropertySheet.Item> items = FXCollections.observableArrayList();
        for (ParamSpec p : lossSpec.params()) {
            items.add(new Item(p));
        }
        getItems().setAll(items);
    }

    private PropertyEditor<?> editorFor(Item item) {
        ParamSpec p = item.param;
        if (p.type() == ParamType.BOOLEAN) {
            return new DefaultPropertyEditorFactory().call(item);
        }
        if (p.type() == ParamType.CHOICE) {
            ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(p.choices()));
            return new AbstractPropertyEditor<String, ComboBox<String>>(item, box) {
                @Override
                protected ObservableValue<String> getObservableValue() {
                    return getEditor().valueProperty();
                }

                @Override
                public void setValue(String value) {
                    getEditor().setValue(value);
                }
            };
        }
        TextField field = new TextField();
        field.setId("param-" + p.name());
        AbstractPropertyEditor<Object, TextField> editor = new AbstractPropertyEditor<>(item, field, true) {
            @Override
            protected ObservableValue<Object> getObservableValue() {
                return new javafx.beans.property.SimpleObjectProperty<>();
            }

            @Override
            public void setValue(Object value) {
                getEditor().setText(text(value));
            }
        };
        field.setOnAction(e -> item.setValue(field.getText()));
        field.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                item.setValue(field.getText());
            }
        });
        return editor;
    }

    static String text(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Double.toString(d);
        }
        return value.toString();
    }

    private void apply(ParamSpec p, Object raw) {
        try {
            current = source.apply(spec.name());
            Params updated = current.with(spec.name(), spec.params(), p.name(), raw);
            current = updated;
            onChange.accept(spec.name(), updated);
        } catch (EngineException e) {
            onError.accept(e.getMessage());
        }
    }

    /** One parameter row. */
    private final class Item implements PropertySheet.Item {
        private final ParamSpec param;

        Item(ParamSpec param) {
            this.param = param;
        }

        @Override
        public Class<?> getType() {
            return param.type() == ParamType.BOOLEAN ? Boolean.class : String.class;
        }

        @Override
        public String getCategory() {
            return spec.name();
        }

        @Override
        public String getName() {
            return param.name();
        }

        @Override
        public String getDescription() {
            String range = param.type() == ParamType.NUMBER || param.type() == ParamType.INTEGER
                    ? " Range [" + ParamSheet.text(param.min()) + ", " + ParamSheet.text(param.max()) + "]." : "";
            return param.description() + range + " Default: " + text(param.defaultValue()) + ".";
        }

        @Override
        public Object getValue() {
            Object v = current.raw(param.name());
            return param.type() == ParamType.BOOLEAN ? v : param.type() == ParamType.CHOICE ? v : text(v);
        }

        @Override
        public void setValue(Object value) {
            if (param.type() == ParamType.BOOLEAN || param.type() == ParamType.CHOICE) {
                if (value != null && !value.equals(current.raw(param.name()))) {
                    apply(param, value);
                }
                return;
            }
            String text = value == null ? "null" : value.toString().trim();
            Object raw;
            try {
                raw = Json.plain(Json.MAPPER.readTree(text));
            } catch (Exception e) {
                raw = text;
            }
            if (!java.util.Objects.equals(text(raw), text(current.raw(param.name())))) {
                apply(param, raw);
            }
        }

        @Override
        public Optional<ObservableValue<? extends Object>> getObservableValue() {
            return Optional.empty();
        }
    }
}
