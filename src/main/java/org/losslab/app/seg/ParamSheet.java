package org.losslab.app.seg;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.AbstractPropertyEditor;
import org.controlsfx.property.editor.DefaultPropertyEditorFactory;
import org.controlsfx.property.editor.PropertyEditor;
import org.losslab.engine.EngineException;
import org.losslab.engine.LossSpec;
import org.losslab.engine.ParamSpec;
import org.losslab.engine.ParamType;
import org.losslab.engine.Params;
import org.losslab.engine.seg.SegParams;
import org.losslab.scene.Json;

/**
 * The parameter editor of one loss, built from the registry's typed parameters: a check box for
 * booleans, a choice for words, a slider with a field for numbers (drag it and the maps, the table and
 * the plots follow; a log scale where the useful values span decades), a text field for lists (typed as
 * in a scene file), each with its description and range as tooltip. An optional value that is not set
 * reads "off". An edit is checked like a scene value; a wrong one is reported and not applied.
 */
public final class ParamSheet extends PropertySheet {
    private final BiConsumer<String, Params> onChange;
    private final Consumer<String> onError;
    private LossSpec<?> spec;
    private Params current;

    private final Function<String, Params> source;

    /**
     * @param source   the current parameters of a loss (read at every edit, so that two editors of the
     *                 same document never undo each other)
     * @param onChange receives a checked new parameter set
     * @param onError  receives the message of a rejected edit
     */
    public ParamSheet(Function<String, Params> source, BiConsumer<String, Params> onChange,
                      Consumer<String> onError) {
        this.source = source;
        this.onChange = onChange;
        this.onError = onError;
        setId("param-sheet");
        setModeSwitcherVisible(false);
        setSearchBoxVisible(false);
        DefaultPropertyEditorFactory defaults = new DefaultPropertyEditorFactory();
        setPropertyEditorFactory(item -> item instanceof Item i ? editorFor(i) : defaults.call(item));
    }

    /**
     * Shows the values the document now holds for the loss shown, if they changed elsewhere (a lesson step, a
     * state given back, an undo): a sheet must never show values the table is not computed with. Its own edits
     * are already its values, so a drag never rebuilds it.
     */
    public void follow(Function<String, Params> latest) {
        if (spec == null) {
            return;
        }
        Params now = latest.apply(spec.name());
        if (now != null && !now.asMap().equals(current.asMap())) {
            following = true;
            try {
                show(spec, now);
            } finally {
                following = false;
            }
        }
    }

    /** Shows the parameters of a loss with their current values. */
    public void show(LossSpec<?> lossSpec, Params values) {
        spec = lossSpec;
        current = values;
        ObservableList<PropertySheet.Item> items = FXCollections.observableArrayList();
        // the loss's own parameters first (Tversky's alpha and beta, focal's gamma), then the ones all
        // segmentation losses share: what a student came to drag is in view without scrolling
        Set<String> shared = Set.of(SegParams.CLASSES.name(),
                SegParams.LOG_LOSS.name(), SegParams.FROM_LOGITS.name(),
                SegParams.IGNORE_INDEX.name(), SegParams.EPS.name(),
                SegParams.CLASS_WEIGHTS.name(), SegParams.REDUCTION.name());
        for (boolean own : new boolean[] {true, false}) {
            for (ParamSpec p : lossSpec.params()) {
                if (shared.contains(p.name()) != own) {
                    items.add(new Item(p));
                }
            }
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
        if (p.type() == ParamType.NUMBER) {
            return sliderEditor(item, p);
        }
        TextField field = new TextField();
        field.setId("param-" + p.name());
        AbstractPropertyEditor<Object, TextField> editor = new AbstractPropertyEditor<>(item, field, true) {
            @Override
            protected ObservableValue<Object> getObservableValue() {
                return new SimpleObjectProperty<>();
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

    /** A slider and a field for a number; the slider's scale follows the parameter's range and default. */
    private PropertyEditor<?> sliderEditor(Item item, ParamSpec p) {
        SliderScale scale = SliderScale.of(p);
        Slider slider = new Slider(0, 1, 0);
        slider.setId("slider-" + p.name());
        slider.setMinWidth(90);
        TextField field = new TextField();
        field.setId("param-" + p.name());
        field.setPrefColumnCount(6);
        HBox box = new HBox(4, slider, field);
        HBox.setHgrow(slider, Priority.ALWAYS);
        boolean[] setting = {false};
        AbstractPropertyEditor<Object, HBox> editor = new AbstractPropertyEditor<>(item, box, true) {
            @Override
            protected ObservableValue<Object> getObservableValue() {
                return new SimpleObjectProperty<>();
            }

            @Override
            public void setValue(Object value) {
                setting[0] = true;
                String shown = value == null ? "off" : value.toString();
                field.setText(shown);
                try {
                    slider.setValue(scale.toSlider(Double.parseDouble(shown)));
                } catch (NumberFormatException off) {
                    slider.setValue(0);
                }
                setting[0] = false;
            }
        };
        slider.valueProperty().addListener((o, a, b) -> {
            if (!setting[0]) {
                double v = scale.fromSlider(b.doubleValue());
                field.setText(text(v));
                item.setValue(Double.toString(v));
            }
        });
        field.setOnAction(e -> item.setValue(field.getText()));
        field.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                item.setValue(field.getText());
            }
        });
        return editor;
    }

    /**
     * How a slider position in [0, 1] maps to a value: linear over the parameter's range (where it is
     * open-ended: up to 1 for a default below 1, else up to 10), or logarithmic from 1e-10 where the
     * default is tiny beside the range (eps), so that both its default and the range's top are reachable.
     */
    record SliderScale(double low, double high, boolean log) {
        static SliderScale of(ParamSpec p) {
            double low = p.min();
            double def = p.defaultValue() instanceof Number n ? n.doubleValue() : Double.NaN;
            // open-ended ranges: up to 1 for weights that default below 1 (Tversky's alpha and beta),
            // up to 10 for exponents (gamma); the field takes any value of the range
            double high = Math.min(p.max(), def < 1 ? Math.max(1, low + 1) : Math.max(10, low + 1));
            boolean log = low >= 0 && def > 0 && def < 1e-3 * (high - low);
            return log ? new SliderScale(1e-10, high, true) : new SliderScale(low, high, false);
        }

        double toSlider(double v) {
            if (log) {
                return (Math.log(Math.max(low, Math.min(high, v))) - Math.log(low)) / (Math.log(high) - Math.log(low));
            }
            return (Math.max(low, Math.min(high, v)) - low) / (high - low);
        }

        double fromSlider(double s) {
            double v = log ? Math.exp(Math.log(low) + s * (Math.log(high) - Math.log(low))) : low + s * (high - low);
            // three significant digits: the values a person drags to, and readable in the field
            return Double.parseDouble(String.format(Locale.ROOT, "%.3g", v));
        }
    }

    static String text(Object value) {
        if (value == null) {
            return "off";
        }
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Double.toString(d);
        }
        return value.toString();
    }

    /** True while the sheet redraws values the document already holds: an editor set up with them edits nothing. */
    private boolean following;

    private void apply(ParamSpec p, Object raw) {
        if (following) {
            return;
        }
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
            String text = value == null ? "off" : value.toString().trim();
            Object raw;
            if (text.equalsIgnoreCase("off") || text.equalsIgnoreCase("null") || text.isEmpty()) {
                raw = null; // an optional value not set
            } else {
                try {
                    raw = Json.plain(Json.MAPPER.readTree(text));
                } catch (Exception e) {
                    raw = text;
                }
            }
            if (!Objects.equals(text(raw), text(current.raw(param.name())))) {
                apply(param, raw);
            }
        }

        @Override
        public Optional<ObservableValue<? extends Object>> getObservableValue() {
            return Optional.empty();
        }
    }
}
