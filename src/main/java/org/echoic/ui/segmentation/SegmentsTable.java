package org.echoic.ui.segmentation;

import org.echoic.ui.common.Buttons;
import org.echoic.ui.lanes.TimeSelection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.echoic.segment.Segment;
import org.echoic.segment.SegmentEdits;
import org.echoic.service.SegmentationSession;
import org.echoic.service.SegmentationSnapshot;

/**
 * The segments tab: a sortable table (start, end, duration, peak level, label, edited) of the current segments and
 * the manual corrections: add the time selection as a segment, delete, split (at the middle of the time selection
 * if it lies inside the segment, else at its middle), merge with the next one, label (edit the cell), undo and redo.
 * Selecting a row selects the segment in the views (the workbench scrolls to it and plays it); the arrow keys move
 * through the rows. JavaFX thread only.
 */
public final class SegmentsTable extends VBox {
    /** One table row: the segment's position in the snapshot, the segment and its peak. */
    public record Row(int index, SegmentEdits.Item item, double peakDbfs) {
    }

    private final SegmentationState state;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final TableView<Row> table = new TableView<>();
    private final Button undo = Buttons.button("Undo", "segmentUndo", "Undo the last manual edit");
    private final Button redo = Buttons.button("Redo", "segmentRedo", "Redo the last undone edit");
    private boolean syncing;

    public SegmentsTable(SegmentationState state) {
        super(6);
        this.state = state;
        setId("segmentsTable");
        table.setId("segmentTableView");
        table.setEditable(true);
        table.getColumns().add(column("#", r -> r.index() + 1, 40));
        table.getColumns().add(column("Start (s)", r -> seconds(r.item().segment().startFrame()), 80));
        table.getColumns().add(column("End (s)", r -> seconds(r.item().segment().endFrame()), 80));
        table.getColumns().add(column("Dur. (ms)", r -> 1000 * seconds(r.item().segment().lengthFrames()), 70));
        table.getColumns().add(column("Peak (dBFS)", Row::peakDbfs, 80));
        TableColumn<Row, String> label = new TableColumn<>("Label");
        label.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().item().segment().label()));
        label.setCellFactory(TextFieldTableCell.forTableColumn());
        label.setOnEditCommit(e -> relabel(e.getRowValue(), e.getNewValue()));
        label.setEditable(true);
        table.getColumns().add(label);
        table.getColumns().add(column("Edited", r -> r.item().edited() ? "yes" : "", 50));
        SortedList<Row> sorted = new SortedList<>(rows);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPlaceholder(new Label("No segments"));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!syncing) {
                state.selectedIndexProperty().set(b == null ? -1 : b.index());
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        Button add = Buttons.button("Add", "segmentAdd", "Add the time selection as a segment");
        Button delete = Buttons.button("Delete", "segmentDelete", "Delete the selected segment");
        Button split = Buttons.button("Split", "segmentSplit",
                "Split the selected segment at the middle of the time selection, or at its middle");
        Button merge = Buttons.button("Merge next", "segmentMerge", "Merge the selected segment with the next");
        add.setOnAction(e -> addFromSelection());
        delete.setOnAction(e -> withSelected(s -> new SegmentEdits.Delete(s.startFrame(), s.endFrame())));
        split.setOnAction(e -> withSelected(this::splitEdit));
        merge.setOnAction(e -> mergeWithNext());
        undo.setOnAction(e -> state.session().undo());
        redo.setOnAction(e -> state.session().redo());
        getChildren().addAll(new FlowPane(4, 4, add, delete, split, merge, undo, redo), table);
        state.snapshotProperty().addListener((o, a, b) -> show(b));
        state.selectedIndexProperty().addListener((o, a, b) -> selectRow(b.intValue()));
        show(state.snapshot());
    }

    private double seconds(long frames) {
        return frames / state.timeline().sampleRateHz();
    }

    private static <T> TableColumn<Row, T> column(String title, Function<Row, T> value, double width) {
        TableColumn<Row, T> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setEditable(false);
        if (!title.equals("#") && !title.equals("Edited")) {
            c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
                @Override
                protected void updateItem(T item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty || item == null ? null : item instanceof Double d
                            ? String.format(Locale.ROOT, title.startsWith("Peak") ? "%.1f" : title.startsWith("Dur")
                            ? "%.1f" : "%.6f", d) : item.toString());
                }
            });
        }
        return c;
    }

    private void show(SegmentationSnapshot s) {
        syncing = true;
        List<Row> list = new ArrayList<>();
        if (s != null) {
            for (int i = 0; i < s.segments().size(); i++) {
                list.add(new Row(i, s.segments().get(i), s.peakDbfs()[i]));
            }
        }
        rows.setAll(list);
        syncing = false;
        selectRow(state.selectedIndexProperty().get());
        SegmentationSession session = state.session();
        undo.setDisable(session == null || !session.canUndo());
        redo.setDisable(session == null || !session.canRedo());
    }

    private void selectRow(int index) {
        syncing = true;
        Row current = table.getSelectionModel().getSelectedItem();
        if (index < 0) {
            table.getSelectionModel().clearSelection();
        } else if (current == null || current.index() != index) {
            table.getItems().stream().filter(r -> r.index() == index).findFirst().ifPresent(r -> {
                table.getSelectionModel().select(r);
                table.scrollTo(r);
            });
        }
        syncing = false;
    }

    private void withSelected(Function<Segment, SegmentEdits.Edit> edit) {
        SegmentEdits.Item item = state.selectedItem();
        if (item != null && state.session() != null) {
            SegmentEdits.Edit e = edit.apply(item.segment());
            if (e != null) {
                state.session().edit(e);
            }
        }
    }

    private SegmentEdits.Edit splitEdit(Segment s) {
        TimeSelection sel = state.timeline().selectionProperty().get();
        long at = (s.startFrame() + s.endFrame()) / 2;
        if (sel != null) {
            long mid = (sel.startFrame() + sel.endFrame()) / 2;
            if (mid > s.startFrame() && mid < s.endFrame()) {
                at = mid;
            }
        }
        return at > s.startFrame() && at < s.endFrame() ? new SegmentEdits.Split(s.startFrame(), s.endFrame(), at) : null;
    }

    private void mergeWithNext() {
        SegmentationSnapshot snap = state.snapshot();
        int i = state.selectedIndexProperty().get();
        if (snap == null || i < 0 || i + 1 >= snap.segments().size()) {
            return;
        }
        Segment a = snap.segments().get(i).segment();
        Segment b = snap.segments().get(i + 1).segment();
        state.session().edit(new SegmentEdits.Merge(a.startFrame(), a.endFrame(), b.startFrame(), b.endFrame()));
    }

    private void addFromSelection() {
        TimeSelection sel = state.timeline().selectionProperty().get();
        if (sel != null && sel.frames() > 0 && state.session() != null) {
            state.session().edit(new SegmentEdits.Add(sel.startFrame(), sel.endFrame(), ""));
        }
    }

    private void relabel(Row row, String label) {
        Segment s = row.item().segment();
        if (state.session() != null && !label.equals(s.label())) {
            state.session().edit(new SegmentEdits.Relabel(s.startFrame(), s.endFrame(), label));
        }
    }

    /** The table (for tests and keyboard focus). */
    public TableView<Row> table() {
        return table;
    }
}
