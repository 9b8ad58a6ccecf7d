package org.echoic.ui.measure;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import org.echoic.measure.MeasuredSelection;
import org.echoic.measure.Measurement;

/**
 * The measurements table: one row per measured selection (#, begin, end, label), then one sortable numeric column per
 * chosen measurement, named as Raven names it. Selecting a row hands its selection to a listener. JavaFX thread only.
 */
final class MeasurementsTable {
    /** One row: the selection's position in the measured list and its measurements. */
    record Row(int index, MeasuredSelection measured) {
    }

    private final TableView<Row> table = new TableView<>();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();

    MeasurementsTable(Consumer<MeasuredSelection> onSelect) {
        table.setId("measurementsTable");
        SortedList<Row> sorted = new SortedList<>(rows);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPlaceholder(new Label("Press Measure to measure the segments or references"));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                onSelect.accept(b.measured());
            }
        });
    }

    TableView<Row> view() {
        return table;
    }

    /** Shows {@code measured} with the chosen columns. */
    void show(List<MeasuredSelection> measured, Set<Measurement> columns) {
        setColumns(columns);
        rows.clear();
        for (int i = 0; i < measured.size(); i++) {
            rows.add(new Row(i, measured.get(i)));
        }
    }

    /** Rebuilds the columns for {@code columns}, keeping the rows. */
    void setColumns(Set<Measurement> columns) {
        table.getColumns().clear();
        TableColumn<Row, Number> index = new TableColumn<>("#");
        index.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().index() + 1));
        index.setPrefWidth(36);
        table.getColumns().add(index);
        table.getColumns().add(numeric(Measurement.BEGIN_TIME));
        table.getColumns().add(numeric(Measurement.END_TIME));
        TableColumn<Row, String> label = new TableColumn<>("Label");
        label.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().measured().selection().label()));
        label.setPrefWidth(60);
        table.getColumns().add(label);
        for (Measurement m : columns) {
            table.getColumns().add(numeric(m));
        }
    }

    private static TableColumn<Row, Number> numeric(Measurement m) {
        TableColumn<Row, Number> col = new TableColumn<>(m.column());
        col.setId("col-" + m.name());
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(m.valueOf(c.getValue().measured())));
        col.setComparator((a, b) -> Double.compare(nanLast(a.doubleValue()), nanLast(b.doubleValue())));
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || getTableRow() == null || getTableRow().getItem() == null ? null
                        : m.format(getTableRow().getItem().measured()));
            }
        });
        col.setPrefWidth(Math.max(70, 6.5 * m.column().length()));
        return col;
    }

    private static double nanLast(double v) {
        return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
    }
}
