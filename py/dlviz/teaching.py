"""What a teacher needs for each lesson: its learning goals, the time it takes in class, and questions
to discuss. The answer key is not here: the teachers' page takes it from the lessons' own questions
(build_steps/pages.py), so it always matches what learners see."""

from typing import NamedTuple


class Teaching(NamedTuple):
    minutes: int  # a class's time for the lesson, figures and questions included
    goals: tuple  # what a learner can do afterwards
    prompts: tuple  # questions for the class to discuss


TEACHING = {
    "1-what-is-deep-learning": Teaching(
        30,
        ("Place deep learning inside machine learning and artificial intelligence, with an example of each.",
         "Explain why one perceptron cannot learn XOR.",
         "Say why deep networks were hard to train before 2012, and what changed."),
        ("Which tools you used this week learn from examples, and which follow rules someone wrote?",
         "The field went through long winters. What would make you believe, or doubt, that today's progress lasts?"),
    ),
    "2-fundamentals-of-learning": Teaching(
        45,
        ("Tell a model that generalises from one that memorises, using held-out error.",
         "Explain over-fitting with polynomial degree as the example.",
         "Recognise distribution shift, and why more data from the same place does not fix it."),
        ("A model scores 99% on its training data. What else would you ask before trusting it?",
         "Name a setting where the data a model meets after training differs from what it learned from."),
    ),
    "3-neural-networks": Teaching(
        50,
        ("Explain how a hidden layer bends space so that a straight line separates the classes.",
         "Read a network diagram: layers, weights and biases, and count its parameters.",
         "Describe what early and later layers of a network pick up."),
        ("Why is a stack of linear layers no better than one? What does the activation add?",
         "Wider or deeper: when would you choose each?"),
    ),
    "4-how-networks-learn": Teaching(
        60,
        ("Describe the loss landscape, and gradient descent as walking downhill on it.",
         "Predict what a learning rate that is too small, right, or too large does.",
         "Compare momentum, RMSProp and Adam, and follow backpropagation through a small network."),
        ("The convergence map shows a band of fast settings. Why does a smaller learning rate need a larger β?",
         "Why do people train on small batches rather than all the data at once?"),
    ),
    "5-playground": Teaching(
        45,
        ("Train a network and read its loss curves, test accuracy and neurons.",
         "Choose features, layers and regularisation for a data set, and explain the choice.",
         "Tell classification from regression, and over-fitting from under-fitting, in the plots."),
        ("Which data set needed the most neurons, and which the least? Why?",
         "When did hand-made features beat more layers? What does that say about deep learning?"),
    ),
    "6-ethics": Teaching(
        50,
        ("Explain how distribution shift, unequal error rates and feedback loops cause harm.",
         "Show how a model can give away whether someone was in its training data.",
         "Estimate the compute, and energy, that training takes."),
        ("Equal false-positive rates or equal precision: which is fairer, and for whom?",
         "Who should decide whether a model is used on people, and what should they be shown first?"),
    ),
}
