// Research-area vocabulary for the lexical ranker: acronyms, synonyms and the technical words
// behind plain-language interests. Hand-kept and deliberately general (areas of ML/AI research,
// not the topics of any test set): a channel typing "RL", "robots" or "making models faster"
// should match papers that say "reinforcement learning", "manipulation" or "quantization".
//
// Each group is one research topic. `names` are interchangeable names of it (typing any of them
// selects the group; papers using any of them match well); `related` are words that signal the
// topic in a paper (they match with less weight). An acronym that names several topics (RL,
// RAG, SSM, TTS, …) appears in several groups; `cues` are words in the channel's interests
// that pick one of them, and the first group listed is the default.

/** One research topic: its names, related vocabulary and, for ambiguous acronyms, context cues. */
export interface TopicGroup {
  names: string[];
  related?: string[];
  cues?: string[];
}

/** The hand-kept table. Order matters only between groups sharing a name (first = default). */
export const TOPIC_GROUPS: readonly TopicGroup[] = [
  // ---------------------------------------------------------------- learning paradigms
  {
    names: ['reinforcement learning', 'rl', 'deep reinforcement learning', 'drl'],
    related: ['policy optimization', 'policy gradient', 'reward', 'ppo', 'grpo', 'q-learning', 'actor-critic', 'rlhf', 'rlvr', 'on-policy', 'off-policy'],
    cues: ['policy', 'reward', 'agent', 'agents', 'reasoning', 'llm', 'llms', 'robot', 'robots', 'control', 'game', 'games', 'rlhf'],
  },
  {
    names: ['representation learning'],
    related: ['embeddings', 'self-supervised learning', 'contrastive learning', 'feature learning'],
    cues: ['representation', 'representations', 'embedding', 'embeddings', 'features', 'contrastive', 'self-supervised'],
  },
  {
    names: ['rlhf', 'reinforcement learning from human feedback'],
    related: ['preference optimization', 'reward model', 'dpo', 'alignment', 'human preferences'],
  },
  {
    names: ['rlvr', 'reinforcement learning with verifiable rewards'],
    related: ['grpo', 'verifiable rewards', 'verifier', 'reasoning'],
  },
  {
    names: ['ppo', 'proximal policy optimization'],
    related: ['policy gradient', 'reinforcement learning', 'grpo'],
  },
  {
    names: ['grpo', 'group relative policy optimization'],
    related: ['policy optimization', 'reinforcement learning', 'verifiable rewards'],
  },
  {
    names: ['dpo', 'direct preference optimization'],
    related: ['preference optimization', 'preference data', 'rlhf', 'alignment'],
  },
  {
    names: ['imitation learning', 'il', 'behavior cloning', 'behavioral cloning', 'learning from demonstration', 'learning from demonstrations', 'lfd'],
    related: ['demonstrations', 'expert demonstrations', 'teleoperation', 'human demonstrations', 'inverse reinforcement learning'],
    cues: ['robot', 'robots', 'robotics', 'policy', 'demonstrations', 'imitation', 'manipulation'],
  },
  {
    names: ['incremental learning', 'il', 'continual learning', 'lifelong learning', 'class-incremental learning'],
    related: ['catastrophic forgetting', 'forgetting'],
    cues: ['continual', 'forgetting', 'incremental', 'lifelong', 'class'],
  },
  {
    names: ['self-supervised learning', 'ssl', 'self-supervised'],
    related: ['contrastive learning', 'masked autoencoder', 'pretext task', 'pretraining', 'representation learning'],
    cues: ['representation', 'representations', 'pretraining', 'contrastive', 'vision', 'visual', 'unlabeled'],
  },
  {
    names: ['semi-supervised learning', 'ssl', 'semi-supervised'],
    related: ['pseudo-labels', 'unlabeled data', 'label propagation'],
    cues: ['semi-supervised', 'pseudo', 'labels', 'unlabeled', 'labeled'],
  },
  {
    names: ['contrastive learning'],
    related: ['contrastive loss', 'infonce', 'clip', 'representation learning'],
  },
  {
    names: ['meta-learning', 'learning to learn'],
    related: ['few-shot learning', 'maml'],
  },
  {
    names: ['few-shot learning', 'few-shot', 'zero-shot', 'zero-shot learning'],
    related: ['in-context learning', 'generalization'],
  },
  {
    names: ['transfer learning', 'domain adaptation'],
    related: ['fine-tuning', 'domain shift', 'distribution shift'],
  },
  {
    names: ['federated learning', 'fl'],
    related: ['clients', 'privacy', 'decentralized training'],
    cues: ['privacy', 'clients', 'federated', 'decentralized', 'devices'],
  },
  {
    names: ['active learning'],
    related: ['annotation budget', 'uncertainty sampling', 'labeling'],
  },
  {
    names: ['curriculum learning'],
    related: ['curriculum'],
  },
  {
    names: ['multi-agent reinforcement learning', 'marl', 'multi-agent rl'],
    related: ['multi-agent', 'cooperative agents'],
  },
  {
    names: ['model-based reinforcement learning', 'mbrl', 'model-based rl'],
    related: ['world model', 'dynamics model', 'planning'],
  },
  {
    names: ['offline reinforcement learning', 'offline rl', 'batch reinforcement learning'],
    related: ['offline datasets', 'conservative q-learning'],
  },
  // ---------------------------------------------------------------- language models
  {
    names: ['large language model', 'large language models', 'llm', 'llms', 'language model', 'language models', 'lm', 'lms'],
    related: ['gpt', 'llama', 'qwen', 'transformer', 'foundation model', 'chatbot', 'instruction tuning', 'pretrained language model'],
  },
  {
    names: ['small language model', 'small language models', 'slm', 'slms'],
    related: ['compact models', 'on-device', 'distillation', 'small models'],
  },
  {
    names: ['foundation model', 'foundation models', 'big models', 'large models', 'frontier models'],
    related: ['large language model', 'pretrained models', 'scaling'],
  },
  {
    names: ['multimodal large language model', 'mllm', 'mllms', 'multimodal llm', 'multimodal llms', 'vision-language model', 'vision language model', 'vlm', 'vlms', 'large vision-language model', 'lvlm'],
    related: ['multimodal', 'visual question answering', 'image-text', 'visual instruction tuning', 'vision-language'],
  },
  {
    names: ['vision-language-action model', 'vla', 'vlas', 'vision-language-action'],
    related: ['robot policy', 'embodied', 'manipulation', 'robot learning'],
  },
  {
    names: ['chain of thought', 'chain-of-thought', 'cot'],
    related: ['reasoning traces', 'step-by-step reasoning', 'reasoning'],
  },
  {
    names: ['reasoning', 'llm reasoning', 'reasoning models'],
    related: ['chain-of-thought', 'mathematical reasoning', 'math', 'test-time scaling', 'thinking', 'problem solving', 'logical reasoning'],
  },
  {
    names: ['test-time scaling', 'tts', 'test-time compute', 'inference-time scaling'],
    related: ['best-of-n', 'reasoning', 'self-consistency', 'longer reasoning'],
    cues: ['llm', 'llms', 'reasoning', 'compute', 'inference', 'scaling', 'test-time'],
  },
  {
    names: ['text-to-speech', 'tts', 'speech synthesis'],
    related: ['vocoder', 'voice', 'prosody', 'spoken'],
    cues: ['speech', 'voice', 'audio', 'spoken', 'synthesis'],
  },
  {
    names: ['retrieval-augmented generation', 'rag', 'retrieval augmented generation', 'retrieval-augmented'],
    related: ['retrieval', 'retriever', 'dense retrieval', 'grounding', 'knowledge base', 'search-augmented', 'open-domain question answering'],
    cues: ['llm', 'llms', 'language', 'retrieval', 'documents', 'question', 'questions', 'qa', 'generation', 'knowledge', 'search'],
  },
  {
    names: ['region adjacency graph', 'rag'],
    related: ['superpixels', 'image segmentation', 'graph-based segmentation'],
    cues: ['segmentation', 'superpixel', 'superpixels', 'image', 'regions'],
  },
  {
    names: ['in-context learning', 'icl'],
    related: ['few-shot prompting', 'demonstrations', 'prompting'],
  },
  {
    names: ['prompt engineering', 'prompting', 'prompts'],
    related: ['prompt optimization', 'instructions', 'in-context learning'],
  },
  {
    names: ['instruction tuning', 'supervised fine-tuning', 'sft', 'instruction following'],
    related: ['fine-tuning', 'instruction data'],
  },
  {
    names: ['fine-tuning', 'finetuning'],
    related: ['adaptation', 'peft', 'lora', 'instruction tuning'],
  },
  {
    names: ['parameter-efficient fine-tuning', 'peft'],
    related: ['lora', 'adapters', 'prefix tuning', 'prompt tuning', 'low-rank adaptation'],
  },
  {
    names: ['lora', 'low-rank adaptation', 'qlora'],
    related: ['parameter-efficient fine-tuning', 'adapters', 'low-rank'],
    cues: ['fine-tuning', 'llm', 'llms', 'adapter', 'adapters', 'merging', 'diffusion', 'model', 'models'],
  },
  {
    names: ['model merging', 'merging', 'weight merging'],
    related: ['task arithmetic', 'model soup', 'merge', 'weight averaging'],
  },
  {
    names: ['alignment', 'ai alignment', 'value alignment'],
    related: ['rlhf', 'preference optimization', 'dpo', 'safety', 'harmlessness', 'human preferences'],
  },
  {
    names: ['ai safety', 'llm safety', 'safety'],
    related: ['jailbreak', 'red teaming', 'harmful', 'alignment', 'guardrails', 'adversarial attacks'],
  },
  {
    names: ['jailbreak', 'jailbreaking', 'jailbreaks'],
    related: ['adversarial prompts', 'red teaming', 'safety', 'prompt injection'],
  },
  {
    names: ['hallucination', 'hallucinations', 'factuality', 'making things up', 'made-up answers'],
    related: ['faithfulness', 'factual errors', 'grounding', 'fact-checking'],
  },
  {
    names: ['interpretability', 'mechanistic interpretability', 'explainability', 'explainable ai', 'xai', 'how models work inside'],
    related: ['sparse autoencoder', 'circuits', 'probing', 'features', 'attribution', 'activations', 'steering'],
  },
  {
    names: ['sparse autoencoder', 'sparse autoencoders', 'sae', 'saes'],
    related: ['interpretability', 'features', 'dictionary learning', 'residual stream'],
    cues: ['interpretability', 'features', 'llm', 'llms', 'mechanistic', 'activations'],
  },
  {
    names: ['llm agents', 'ai agents', 'agents', 'agent', 'agentic', 'language agents', 'autonomous agents'],
    related: ['tool use', 'tool calling', 'planning', 'web agent', 'multi-agent', 'agentic workflows', 'computer use'],
  },
  {
    names: ['tool use', 'tool learning', 'tool calling', 'function calling'],
    related: ['api calls', 'tools', 'agents'],
  },
  {
    names: ['multi-agent systems', 'multi-agent', 'multiagent', 'mas'],
    related: ['multi-agent debate', 'cooperation', 'agents', 'collaboration'],
    cues: ['agents', 'agent', 'llm', 'debate', 'cooperation', 'multi-agent'],
  },
  {
    names: ['memory', 'agent memory', 'long-term memory'],
    related: ['memory bank', 'episodic memory', 'retrieval', 'memory systems'],
  },
  {
    names: ['long context', 'long-context', 'long context windows', 'context length', 'long documents'],
    related: ['context window', 'kv cache', 'long sequences', 'length extrapolation'],
  },
  {
    names: ['code generation', 'coding', 'program synthesis', 'code llms', 'writing code'],
    related: ['software engineering', 'code', 'programming', 'coding agents', 'swe-bench'],
  },
  {
    names: ['machine translation', 'mt', 'translation', 'neural machine translation', 'nmt'],
    related: ['multilingual', 'bleu', 'low-resource languages'],
    cues: ['translation', 'language', 'languages', 'multilingual', 'bleu', 'nlp'],
  },
  {
    names: ['multi-task learning', 'mtl', 'multitask learning'],
    related: ['multiple tasks', 'task interference', 'shared representations'],
  },
  {
    names: ['natural language processing', 'nlp', 'computational linguistics'],
    related: ['language', 'text', 'linguistic', 'language models'],
  },
  {
    names: ['named entity recognition', 'ner', 'entity recognition'],
    related: ['entities', 'information extraction', 'sequence labeling', 'entity linking'],
  },
  {
    names: ['natural language inference', 'nli', 'textual entailment'],
    related: ['entailment', 'contradiction'],
  },
  {
    names: ['question answering', 'qa', 'answering questions'],
    related: ['reading comprehension', 'open-domain', 'answers', 'questions'],
  },
  {
    names: ['information retrieval', 'ir', 'search engines', 'search'],
    related: ['ranking', 'retrieval', 'retriever', 'reranking', 'dense retrieval', 'bm25', 'query'],
    cues: ['search', 'retrieval', 'ranking', 'documents', 'queries', 'query', 'recommendation'],
  },
  {
    names: ['infrared', 'ir', 'thermal imaging'],
    related: ['thermal', 'infrared images', 'multispectral'],
    cues: ['image', 'images', 'imaging', 'thermal', 'camera', 'sensor', 'fusion', 'detection'],
  },
  {
    names: ['recommender systems', 'recommendation', 'recsys', 'recommenders'],
    related: ['collaborative filtering', 'user preferences', 'click-through'],
  },
  {
    names: ['summarization', 'text summarization'],
    related: ['summaries', 'abstractive'],
  },
  {
    names: ['sentiment analysis', 'stance detection', 'opinion mining'],
    related: ['sentiment', 'stance', 'emotion'],
  },
  {
    names: ['tokenization', 'tokenizer', 'tokenizers'],
    related: ['subword', 'byte-pair encoding', 'bpe', 'vocabulary'],
  },
  {
    names: ['evaluation', 'benchmarks', 'benchmark', 'benchmarking', 'evals'],
    related: ['leaderboard', 'evaluation suite', 'metrics'],
  },
  {
    names: ['llm-as-a-judge', 'llm as a judge', 'llm judges', 'automatic evaluation'],
    related: ['judge', 'evaluator', 'human agreement'],
  },
  {
    names: ['synthetic data', 'data synthesis', 'data generation'],
    related: ['synthesized', 'generated data', 'self-instruct', 'data augmentation'],
  },
  // ---------------------------------------------------------------- architectures
  {
    names: ['transformer', 'transformers', 'self-attention'],
    related: ['attention', 'attention mechanism', 'multi-head attention'],
  },
  {
    names: ['attention', 'attention mechanism'],
    related: ['self-attention', 'softmax attention', 'sparse attention', 'linear attention'],
  },
  {
    names: ['alternatives to attention', 'attention alternatives', 'attention-free', 'subquadratic', 'sub-quadratic'],
    related: ['linear attention', 'state space model', 'mamba', 'recurrent', 'rnn', 'linear-time', 'rwkv', 'hyena', 'retnet'],
  },
  {
    names: ['state space model', 'state space models', 'state-space model', 'ssm', 'ssms', 'mamba', 'structured state space'],
    related: ['s4', 'selective state space', 'linear recurrence', 'recurrent', 'linear attention', 'subquadratic', 'hybrid architectures'],
    cues: ['attention', 'sequence', 'sequences', 'transformer', 'transformers', 'long', 'language', 'architecture', 'architectures', 'recurrent', 'mamba'],
  },
  {
    names: ['statistical shape model', 'ssm', 'shape model'],
    related: ['shape analysis', 'anatomy', 'point distribution model'],
    cues: ['shape', 'anatomy', 'anatomical', 'medical', 'bone', 'segmentation', 'mesh'],
  },
  {
    names: ['linear attention', 'efficient attention'],
    related: ['kernelized attention', 'recurrent', 'linear-time', 'sparse attention', 'subquadratic'],
  },
  {
    names: ['sparse attention'],
    related: ['block-sparse', 'top-k attention', 'kv cache', 'long context'],
  },
  {
    names: ['recurrent neural network', 'recurrent neural networks', 'rnn', 'rnns', 'lstm', 'lstms'],
    related: ['recurrent', 'recurrence', 'gru'],
  },
  {
    names: ['mixture of experts', 'mixture-of-experts', 'moe', 'moes', 'sparse experts'],
    related: ['experts', 'expert routing', 'router', 'routing', 'top-k routing', 'expert parallelism', 'load balancing'],
    cues: ['experts', 'expert', 'routing', 'llm', 'llms', 'sparse', 'model', 'models', 'transformer', 'parallelism'],
  },
  {
    names: ['margin of error', 'moe'],
    related: ['confidence interval', 'survey', 'sampling error'],
    cues: ['survey', 'polls', 'poll', 'statistics', 'sampling', 'confidence'],
  },
  {
    names: ['vision transformer', 'vision transformers', 'vit', 'vits'],
    related: ['patch embeddings', 'image patches', 'transformer', 'visual encoder'],
  },
  {
    names: ['convolutional neural network', 'convolutional neural networks', 'cnn', 'cnns', 'convnet', 'convnets'],
    related: ['convolution', 'convolutional', 'resnet'],
  },
  {
    names: ['graph neural network', 'graph neural networks', 'gnn', 'gnns', 'graph learning'],
    related: ['message passing', 'graph convolution', 'node classification', 'link prediction', 'graphs'],
  },
  {
    names: ['knowledge graph', 'knowledge graphs', 'kg', 'kgs'],
    related: ['entities', 'relations', 'triples', 'link prediction'],
  },
  {
    names: ['neural architecture search', 'nas', 'architecture search'],
    related: ['search space', 'supernet', 'automl'],
  },
  {
    names: ['spiking neural network', 'spiking neural networks', 'snn', 'snns', 'neuromorphic'],
    related: ['spikes', 'spiking', 'neuromorphic hardware', 'event-driven'],
  },
  {
    names: ['physics-informed neural network', 'physics-informed neural networks', 'pinn', 'pinns', 'physics-informed'],
    related: ['pdes', 'partial differential equations', 'neural operators', 'scientific machine learning'],
  },
  {
    names: ['hypernetwork', 'hypernetworks'],
    related: ['weight generation'],
  },
  {
    names: ['kolmogorov-arnold network', 'kolmogorov-arnold networks', 'kan', 'kans'],
    related: ['spline', 'learnable activation'],
  },
  // ---------------------------------------------------------------- generative models
  {
    names: ['diffusion', 'diffusion model', 'diffusion models', 'denoising diffusion', 'ddpm', 'score-based', 'score-based generative model', 'score-based model', 'diffusion transformer', 'dit'],
    related: ['denoising', 'flow matching', 'latent diffusion', 'stable diffusion', 'noise schedule', 'sampling steps', 'rectified flow', 'consistency models'],
  },
  {
    names: ['flow matching', 'rectified flow', 'normalizing flow', 'normalizing flows'],
    related: ['diffusion', 'continuous normalizing flow', 'velocity field'],
  },
  {
    names: ['generative adversarial network', 'generative adversarial networks', 'gan', 'gans'],
    related: ['adversarial training', 'generator', 'discriminator', 'adversarial learning'],
  },
  {
    names: ['variational autoencoder', 'variational autoencoders', 'vae', 'vaes'],
    related: ['latent variable model', 'elbo', 'autoencoder'],
  },
  {
    names: ['autoencoder', 'autoencoders'],
    related: ['latent space', 'reconstruction', 'tokenizer'],
  },
  {
    names: ['energy-based model', 'energy-based models', 'ebm', 'ebms'],
    related: ['energy function', 'contrastive divergence', 'langevin'],
  },
  {
    names: ['generative models', 'generative ai', 'genai', 'generative modeling', 'generation'],
    related: ['diffusion', 'gan', 'autoregressive generation', 'synthesis', 'sampling'],
  },
  {
    names: ['image generation', 'text-to-image', 'text to image', 't2i', 'image synthesis', 'making images', 'ai art'],
    related: ['diffusion', 'stable diffusion', 'image editing', 'gan', 'generated images', 'fid'],
  },
  {
    names: ['video generation', 'text-to-video', 'text to video', 't2v', 'video synthesis', 'video diffusion', 'making videos', 'ai video'],
    related: ['video diffusion models', 'video generative', 'world model', 'video prediction', 'frame interpolation', 'temporal consistency'],
  },
  {
    names: ['image editing'],
    related: ['inpainting', 'instruction-based editing', 'text-guided editing'],
  },
  {
    names: ['3d generation', 'text-to-3d', '3d synthesis'],
    related: ['nerf', 'gaussian splatting', 'mesh generation', '3d assets'],
  },
  {
    names: ['music generation', 'audio generation', 'text-to-music', 'text-to-audio', 'making music'],
    related: ['music', 'audio', 'sound', 'waveform', 'audio synthesis'],
  },
  {
    names: ['autoregressive models', 'autoregressive', 'next-token prediction'],
    related: ['causal language modeling', 'decoder-only'],
  },
  // ---------------------------------------------------------------- efficiency
  {
    names: [
      'efficiency', 'efficient inference', 'inference efficiency', 'model compression', 'compression',
      'making models smaller', 'smaller models', 'making models faster', 'faster models', 'faster inference',
      'cheaper to run', 'cheaper inference', 'cheaper', 'cheap', 'inference cost', 'cost of inference',
      'making big models cheaper', 'run on laptops', 'run on phones', 'speed up inference', 'serving cost',
    ],
    related: [
      'quantization', 'pruning', 'distillation', 'knowledge distillation', 'sparsity', 'speculative decoding',
      'low-bit', 'int8', 'int4', 'kv cache', 'latency', 'throughput', 'speedup', 'memory footprint',
      'efficient', 'acceleration', 'serving', 'token pruning', 'token compression', 'early exit', 'on-device', 'edge devices',
    ],
  },
  {
    names: ['quantization', 'quantized', 'low-bit', 'low-precision'],
    related: ['int8', 'int4', 'fp8', 'post-training quantization', 'mixed-precision', 'weight quantization'],
  },
  {
    names: ['pruning', 'network pruning', 'model pruning'],
    related: ['sparsity', 'structured pruning', 'unstructured pruning', 'token pruning'],
  },
  {
    names: ['knowledge distillation', 'distillation', 'kd', 'model distillation'],
    related: ['teacher', 'student', 'teacher-student', 'self-distillation', 'distilled'],
    cues: ['distillation', 'teacher', 'student', 'compression', 'model', 'models', 'smaller'],
  },
  {
    names: ['speculative decoding', 'speculative sampling'],
    related: ['draft model', 'drafter', 'verifier', 'decoding speedup'],
  },
  {
    names: ['kv cache', 'key-value cache', 'kv-cache'],
    related: ['cache compression', 'cache eviction', 'long context', 'memory'],
  },
  {
    names: ['llm serving', 'model serving', 'inference serving', 'serving'],
    related: ['throughput', 'latency', 'batching', 'vllm', 'scheduling', 'gpu utilization'],
  },
  {
    names: ['gpu kernels', 'kernel', 'kernels', 'cuda', 'triton'],
    related: ['fused kernel', 'hardware acceleration', 'gpu', 'memory-efficient'],
  },
  {
    names: ['hardware', 'accelerators', 'hardware acceleration', 'chips'],
    related: ['fpga', 'asic', 'gpu', 'hardware-software co-design', 'energy-efficient'],
  },
  {
    names: ['distributed training', 'parallelism', 'large-scale training'],
    related: ['data parallelism', 'tensor parallelism', 'pipeline parallelism', 'expert parallelism', 'communication'],
  },
  {
    names: ['optimization', 'optimizers', 'optimizer', 'training dynamics'],
    related: ['sgd', 'adam', 'adamw', 'learning rate', 'convergence', 'gradient descent'],
  },
  {
    names: ['scaling laws', 'scaling law', 'scaling'],
    related: ['compute-optimal', 'power law', 'model size', 'data scaling'],
  },
  // ---------------------------------------------------------------- vision
  {
    names: ['computer vision', 'cv', 'vision', 'visual'],
    related: ['image', 'images', 'visual recognition', 'video', 'perception'],
    cues: ['image', 'images', 'vision', 'visual', 'video', 'detection', 'segmentation', 'recognition'],
  },
  {
    names: ['object detection', 'detection', 'detector', 'detectors'],
    related: ['bounding boxes', 'yolo', 'detr', 'map'],
  },
  {
    names: ['segmentation', 'image segmentation', 'semantic segmentation', 'instance segmentation'],
    related: ['masks', 'segment anything', 'sam', 'panoptic'],
  },
  {
    names: ['video understanding', 'video analysis', 'action recognition', 'video recognition'],
    related: ['temporal modeling', 'video', 'activity recognition', 'video question answering'],
  },
  {
    names: ['3d vision', '3d reconstruction', 'neural radiance field', 'neural radiance fields', 'nerf', 'nerfs', 'gaussian splatting', '3dgs', '3d gaussian splatting'],
    related: ['novel view synthesis', 'point cloud', 'depth estimation', 'multi-view', 'scene reconstruction', 'radiance field'],
  },
  {
    names: ['depth estimation', 'monocular depth'],
    related: ['depth', 'stereo', 'geometry'],
  },
  {
    names: ['optical character recognition', 'ocr', 'text recognition', 'document understanding'],
    related: ['handwritten text recognition', 'documents', 'layout', 'scanned'],
  },
  {
    names: ['visual question answering', 'vqa'],
    related: ['multimodal', 'image question answering'],
  },
  {
    names: ['super-resolution', 'sr', 'image super-resolution', 'upscaling'],
    related: ['high-resolution', 'image restoration', 'upsampling'],
    cues: ['image', 'images', 'video', 'resolution', 'restoration', 'upscaling', 'vision'],
  },
  {
    names: ['speech recognition', 'asr', 'automatic speech recognition', 'sr'],
    related: ['speech', 'transcription', 'acoustic model', 'spoken'],
    cues: ['speech', 'audio', 'spoken', 'voice', 'transcription'],
  },
  {
    names: ['symbolic regression', 'sr', 'equation discovery'],
    related: ['symbolic', 'equations', 'genetic programming'],
    cues: ['symbolic', 'equation', 'equations', 'physics', 'discovery', 'formula'],
  },
  {
    names: ['image restoration', 'denoising', 'deblurring', 'image enhancement'],
    related: ['restoration', 'low-light', 'degradation'],
  },
  {
    names: ['clip', 'contrastive language-image pretraining'],
    related: ['image-text', 'vision-language', 'zero-shot classification'],
  },
  // ---------------------------------------------------------------- robotics and embodied AI
  {
    names: ['robotics', 'robots', 'robot', 'robotic', 'robot learning', 'embodied ai', 'embodied', 'embodied agents'],
    related: [
      'manipulation', 'robot manipulation', 'grasping', 'locomotion', 'sim-to-real', 'humanoid', 'dexterous',
      'navigation', 'robot policy', 'vision-language-action', 'teleoperation', 'mobile robot', 'quadruped',
    ],
  },
  {
    names: ['manipulation', 'robot manipulation', 'robotic manipulation', 'grasping', 'dexterous manipulation'],
    related: ['grasp', 'gripper', 'dexterous', 'pick and place', 'in-hand', 'robot', 'robotic', 'end-effector'],
  },
  {
    names: ['locomotion', 'legged robots', 'humanoid', 'humanoids', 'walking robots'],
    related: ['quadruped', 'bipedal', 'legged'],
  },
  {
    names: ['autonomous driving', 'self-driving', 'self-driving cars', 'ad', 'autonomous vehicles', 'driverless cars'],
    related: ['driving', 'vehicles', 'trajectory prediction', 'motion planning', 'pedestrians', 'lidar', 'traffic'],
    cues: ['driving', 'vehicle', 'vehicles', 'cars', 'car', 'traffic', 'autonomous', 'lidar'],
  },
  {
    names: ['alzheimer disease', "alzheimer's disease", 'ad', 'dementia'],
    related: ['neurodegeneration', 'cognitive decline', 'brain mri', 'amyloid'],
    cues: ['disease', 'brain', 'medical', 'clinical', 'patients', 'dementia', 'mri', 'alzheimer'],
  },
  {
    names: ['learning from watching people', 'learning from human videos', 'watching people', 'watching humans', 'learning by watching', 'learn from watching', 'human videos', 'from human demonstrations', 'learning from humans'],
    related: [
      'imitation learning', 'human demonstrations', 'human videos', 'video demonstrations', 'learning from demonstration',
      'egocentric video', 'human-object interaction', 'motion retargeting', 'teleoperation', 'behavior cloning', 'demonstrations',
    ],
  },
  {
    names: ['world model', 'world models', 'world-action model'],
    related: ['video prediction', 'dynamics model', 'model-based', 'simulation'],
  },
  {
    names: ['sim-to-real', 'sim2real', 'simulation to reality'],
    related: ['simulator', 'domain randomization', 'simulation', 'transfer'],
  },
  {
    names: ['simulation', 'simulator', 'simulators'],
    related: ['physics engine', 'gym', 'environment'],
  },
  {
    names: ['drones', 'drone', 'uav', 'uavs', 'quadcopter', 'aerial robots'],
    related: ['aerial', 'flight', 'quadrotor', 'multirotor'],
  },
  {
    names: ['motion planning', 'path planning', 'planning'],
    related: ['trajectory optimization', 'collision avoidance', 'planner'],
  },
  {
    names: ['control', 'optimal control', 'model predictive control', 'mpc'],
    related: ['controller', 'feedback control', 'control theory', 'stability'],
  },
  {
    names: ['slam', 'simultaneous localization and mapping', 'localization'],
    related: ['mapping', 'visual odometry', 'pose estimation'],
  },
  // ---------------------------------------------------------------- people and plain words
  {
    names: ['people', 'humans', 'human', 'persons'],
    related: ['user', 'users', 'participants', 'person'],
  },
  {
    names: ['human-computer interaction', 'hci', 'user study', 'user studies'],
    related: ['interviews', 'participants', 'usability', 'user experience'],
  },
  {
    names: ['fairness', 'bias', 'algorithmic fairness', 'discrimination'],
    related: ['demographic', 'debiasing', 'equity', 'disparities'],
  },
  {
    names: ['privacy', 'differential privacy', 'dp', 'private learning'],
    related: ['privacy-preserving', 'membership inference', 'data leakage', 'private'],
    cues: ['privacy', 'private', 'differential', 'leakage', 'membership', 'federated'],
  },
  {
    names: ['dynamic programming', 'dp'],
    related: ['bellman', 'recursion', 'optimal substructure'],
    cues: ['algorithm', 'algorithms', 'programming', 'optimal', 'bellman', 'combinatorial'],
  },
  {
    names: ['adversarial robustness', 'adversarial attacks', 'adversarial examples', 'robustness'],
    related: ['adversarial', 'perturbations', 'attack success rate', 'certified robustness', 'corruptions'],
  },
  {
    names: ['out-of-distribution', 'ood', 'out-of-distribution detection', 'distribution shift'],
    related: ['generalization', 'domain shift', 'novelty detection', 'anomaly detection'],
  },
  {
    names: ['anomaly detection', 'outlier detection', 'detecting anomalies', 'unusual events'],
    related: ['anomalies', 'anomalous', 'outliers', 'novelty detection'],
  },
  {
    names: ['uncertainty', 'uncertainty quantification', 'calibration', 'confidence'],
    related: ['bayesian', 'conformal prediction', 'epistemic', 'aleatoric', 'ensembles'],
  },
  {
    names: ['causal inference', 'causality', 'causal discovery', 'causal learning'],
    related: ['causal', 'counterfactual', 'treatment effect', 'structural causal model'],
  },
  {
    names: ['time series', 'forecasting', 'time-series'],
    related: ['temporal', 'sequential data', 'prediction horizon'],
  },
  {
    names: ['theory', 'learning theory', 'theoretical', 'generalization bounds'],
    related: ['bounds', 'sample complexity', 'pac', 'regret', 'convergence', 'proof'],
  },
  {
    names: ['online learning', 'bandits', 'multi-armed bandits'],
    related: ['regret', 'experts', 'exploration'],
  },
  {
    names: ['optimal transport', 'ot', 'wasserstein'],
    related: ['transport maps', 'sinkhorn', 'wasserstein distance'],
  },
  {
    names: ['ai for science', 'scientific discovery', 'ai scientists', 'ai scientist'],
    related: ['scientific', 'automated research', 'chemistry', 'physics', 'biology'],
  },
  // ---------------------------------------------------------------- domains
  {
    names: [
      'medicine', 'medical', 'healthcare', 'health', 'clinical', 'doctors', 'hospitals', 'hospital', 'patients',
      'medical ai', 'ai for health', 'biomedical',
    ],
    related: [
      'clinical', 'patients', 'patient', 'diagnosis', 'electronic health records', 'ehr', 'ehrs', 'radiology',
      'medical imaging', 'disease', 'clinicians', 'pathology', 'healthcare', 'medical', 'biomedical',
    ],
  },
  {
    names: ['drug discovery', 'drug design', 'drugs', 'molecules', 'molecular generation'],
    related: ['molecular', 'binding affinity', 'docking', 'ligands', 'protein targets', 'chemistry', 'de novo design'],
  },
  {
    names: ['proteins', 'protein', 'protein structure', 'protein design', 'biology'],
    related: ['protein folding', 'alphafold', 'amino acids', 'genomics', 'sequences'],
  },
  {
    names: ['genomics', 'single-cell', 'gene expression', 'dna', 'rna'],
    related: ['sequencing', 'genes', 'cells', 'transcriptomics'],
  },
  {
    names: ['climate', 'weather', 'weather forecasting', 'climate modeling'],
    related: ['earth system', 'precipitation', 'atmospheric', 'forecast'],
  },
  {
    names: ['finance', 'financial', 'trading', 'markets'],
    related: ['stock', 'portfolio', 'economic', 'pricing'],
  },
  {
    names: ['education', 'teaching', 'students', 'tutoring'],
    related: ['learners', 'educational', 'classroom'],
  },
  {
    names: ['law', 'legal'],
    related: ['court', 'legal documents', 'contracts', 'statutes'],
  },
  {
    names: ['astronomy', 'astrophysics', 'exoplanets', 'planets', 'stars'],
    related: ['telescope', 'galaxies', 'stellar', 'cosmology'],
  },
  {
    names: ['quantum computing', 'quantum', 'quantum circuits', 'qubits'],
    related: ['quantum simulation', 'qubit', 'variational quantum'],
  },
  {
    names: ['speech', 'audio', 'speech processing', 'spoken language'],
    related: ['acoustic', 'spoken', 'voice', 'sound', 'speech recognition'],
  },
  {
    names: ['music', 'music information retrieval'],
    related: ['musical', 'melody', 'symbolic music', 'audio'],
  },
  {
    names: ['wireless', 'communications', 'telecommunications', '5g', '6g'],
    related: ['antenna', 'millimeter-wave', 'channel estimation', 'signal processing', 'base station'],
  },
  {
    names: ['lora', 'lorawan', 'long range radio'],
    related: ['iot', 'wireless', 'low-power wide-area', 'sensor networks'],
    cues: ['iot', 'wireless', 'radio', 'sensor', 'sensors', 'network', 'networks', 'lpwan'],
  },
  {
    names: ['security', 'cybersecurity', 'malware', 'vulnerabilities'],
    related: ['attacks', 'intrusion detection', 'exploits', 'secure'],
  },
  {
    names: ['web agents', 'web browsing', 'browser agents', 'web navigation', 'computer use', 'gui agents'],
    related: ['browsing', 'websites', 'gui', 'screenshots'],
  },
  {
    names: ['deep research', 'deep search', 'search agents'],
    related: ['web search', 'browsing', 'multi-hop', 'information seeking'],
  },
  {
    names: ['math', 'mathematics', 'mathematical reasoning', 'theorem proving'],
    related: ['math problems', 'proofs', 'gsm8k', 'olympiad', 'formal verification', 'lean'],
  },
];
