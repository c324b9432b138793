"""The lessons on the Learn page: reading them, and "Try it" opening the right setup."""

from playground.lessons.content import lessons


def _learn(window):
    window.show_page(window.pages.indexOf(window.learn_page))
    return window.learn_page


def _try(page, lesson_id):
    ids = [lesson.id for lesson in page.lessons.lessons]
    page.lessons.lesson_list.setCurrentRow(ids.index(lesson_id))
    page.lessons.try_button.click()


def test_the_lessons_are_listed_and_shown(window):
    page = _learn(window)
    panel = page.lessons
    assert panel.lesson_list.count() == 10
    assert panel.lesson_list.item(0).text() == f"1. {lessons('en')[0].title}"
    panel.lesson_list.setCurrentRow(4)
    text = panel.text.toPlainText()
    assert text.startswith("Pooling") and "[[20, 24]," in text


def test_try_it_opens_the_lab_set_up_for_the_lesson(window):
    page = _learn(window)
    _try(page, "channels-filters-stride")
    lab = page.lab
    assert page.currentWidget() is lab
    assert (lab.channels.value(), lab.filter_count.value(), lab.input_size.value(), lab.kernel.value()) == (3, 2, 5, 2)
    assert lab.filters.count() == 6 and len(lab.outputs) == 2 and lab.output.rowCount() == 4
    _try(page, "padding")
    assert lab.padding.currentData() == "same" and lab.show_use.isChecked() and lab.kernel.value() == 3
    assert lab.input_tables()[0].item(0, 0).text() == "4"  # a corner pixel is used 4 times with 'same'
    _try(page, "pooling")
    assert lab.operation.currentData() == "max" and lab.stride.value() == 2 and not lab.show_use.isChecked()
    for _ in range(4):
        lab.step_button.click()
    assert [[lab.output.item(r, c).text() for c in range(2)] for r in range(2)] == [["6", "8"], ["14", "16"]]


def test_try_it_opens_the_builder_with_the_lessons_network(window):
    page = _learn(window)
    _try(page, "why-not-fully-connected")
    assert window.pages.currentWidget() is window.model_page
    assert window.document.project.layers[0].type == "flatten"
    window.document.undo_stack.undo()  # a Try it is an edit like any other
    assert window.document.project.layers[0].type == "conv2d"
    _try(page, "pretrained-networks")
    assert window.document.project.pretrained.network == "playground_mini"
    _try(page, "cnn-pipeline")  # a preset replaces the pretrained base
    assert window.document.project.pretrained is None and window.document.project.data.image_size == (64, 64)


def test_try_it_opens_other_pages_and_example_projects(window):
    page = _learn(window)
    assert not window.predict_page.has_model
    _try(page, "where-cnns-are-used")
    assert window.pages.currentWidget() is window.predict_page
    # A fresh install has no trained model: Predict's Try it brings the LeNet-5 the app ships.
    assert window.predict_page.checkpoint.project.name == "LeNet-5 on digits"
    _try(page, "overfitting-and-augmentation")
    assert window.document.project.name.startswith("Overfit on purpose")
    assert window.document.project.augmentation.rotation == 0  # as shipped: the lesson turns it on
