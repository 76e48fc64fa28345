/**
 * The body editor of a catalog item: a WYSIWYG editor (TipTap) for the forms of a government
 * document — paragraphs, headings, bold / italic / underline, lists, tables, links, alignment
 * (extensions in richText.ts). It is an Ant Design form control (`value` / `onChange` with HTML),
 * keyboard-operable (the toolbar buttons are real buttons with Chinese names; Ctrl+B, Ctrl+I…
 * work in the text), and has an HTML source view for pasting from other systems. The server's
 * sanitizer (src/modules/catalog/sanitize.ts) stays authoritative; this editor writes only what
 * it keeps.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { Button, Form, Input, Modal, Select, Tooltip } from 'antd';
import {
  AlignCenterOutlined,
  AlignLeftOutlined,
  AlignRightOutlined,
  BoldOutlined,
  CodeOutlined,
  DeleteColumnOutlined,
  DeleteOutlined,
  DeleteRowOutlined,
  DisconnectOutlined,
  InsertRowBelowOutlined,
  InsertRowRightOutlined,
  ItalicOutlined,
  LineOutlined,
  LinkOutlined,
  MenuOutlined,
  MergeCellsOutlined,
  OrderedListOutlined,
  RedoOutlined,
  SplitCellsOutlined,
  TableOutlined,
  UnderlineOutlined,
  UndoOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { LINK_SCHEMES, richTextExtensions } from './richText.ts';
import './richText.css';

/** The control's props: what Form.Item passes, plus the accessible name of the text area. */
export interface RichTextEditorProps {
  id?: string;
  value?: string;
  onChange?: (html: string) => void;
  /** The accessible name of the editing area (the form label's text). */
  label: string;
}

type Block = 'paragraph' | 'h2' | 'h3' | 'h4';

function ToolButton({
  label,
  icon,
  active,
  disabled,
  onClick,
}: {
  label: string;
  icon: ReactNode;
  active?: boolean;
  disabled?: boolean;
  onClick: () => void;
}) {
  return (
    <Tooltip title={label} mouseEnterDelay={0.6}>
      <Button
        size="small"
        type={active ? 'primary' : 'text'}
        ghost={active}
        icon={icon}
        aria-label={label}
        aria-pressed={active === undefined ? undefined : active}
        disabled={disabled}
        // Keep the selection in the text while clicking the toolbar.
        onMouseDown={(e) => e.preventDefault()}
        onClick={onClick}
      />
    </Tooltip>
  );
}

function useToolbarState(editor: Editor) {
  return useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      block: (e.isActive('heading', { level: 2 })
        ? 'h2'
        : e.isActive('heading', { level: 3 })
          ? 'h3'
          : e.isActive('heading', { level: 4 })
            ? 'h4'
            : 'paragraph') as Block,
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      blockquote: e.isActive('blockquote'),
      link: e.isActive('link'),
      align: (['center', 'right', 'justify'] as const).find((a) => e.isActive({ textAlign: a })) ?? 'left',
      inTable: e.isActive('table'),
      canMerge: e.can().mergeCells(),
      canSplit: e.can().splitCell(),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
}

function Toolbar({
  editor,
  source,
  onSource,
  onLink,
}: {
  editor: Editor;
  source: boolean;
  onSource: () => void;
  onLink: () => void;
}) {
  const s = useToolbarState(editor);
  const chain = () => editor.chain().focus();
  const setBlock = (b: Block) =>
    b === 'paragraph'
      ? chain().setParagraph().run()
      : chain()
          .setHeading({ level: Number(b.slice(1)) as 2 | 3 | 4 })
          .run();
  const off = source;
  return (
    <div className="rich-text-toolbar" role="toolbar" aria-label="正文格式">
      <Select<Block>
        size="small"
        value={s.block}
        onChange={setBlock}
        disabled={off}
        style={{ width: 96 }}
        aria-label="段落格式"
        options={[
          { value: 'paragraph', label: '正文' },
          { value: 'h2', label: '标题一' },
          { value: 'h3', label: '标题二' },
          { value: 'h4', label: '标题三' },
        ]}
      />
      <span className="divider" />
      <ToolButton
        label="加粗"
        icon={<BoldOutlined />}
        active={s.bold}
        disabled={off}
        onClick={() => chain().toggleBold().run()}
      />
      <ToolButton
        label="倾斜"
        icon={<ItalicOutlined />}
        active={s.italic}
        disabled={off}
        onClick={() => chain().toggleItalic().run()}
      />
      <ToolButton
        label="下划线"
        icon={<UnderlineOutlined />}
        active={s.underline}
        disabled={off}
        onClick={() => chain().toggleUnderline().run()}
      />
      <span className="divider" />
      <ToolButton
        label="项目符号列表"
        icon={<UnorderedListOutlined />}
        active={s.bulletList}
        disabled={off}
        onClick={() => chain().toggleBulletList().run()}
      />
      <ToolButton
        label="编号列表"
        icon={<OrderedListOutlined />}
        active={s.orderedList}
        disabled={off}
        onClick={() => chain().toggleOrderedList().run()}
      />
      <ToolButton
        label="引用"
        icon={<MenuOutlined />}
        active={s.blockquote}
        disabled={off}
        onClick={() => chain().toggleBlockquote().run()}
      />
      <span className="divider" />
      <ToolButton
        label="左对齐"
        icon={<AlignLeftOutlined />}
        active={s.align === 'left'}
        disabled={off}
        onClick={() => chain().unsetTextAlign().run()}
      />
      <ToolButton
        label="居中"
        icon={<AlignCenterOutlined />}
        active={s.align === 'center'}
        disabled={off}
        onClick={() => chain().setTextAlign('center').run()}
      />
      <ToolButton
        label="右对齐"
        icon={<AlignRightOutlined />}
        active={s.align === 'right'}
        disabled={off}
        onClick={() => chain().setTextAlign('right').run()}
      />
      <ToolButton
        label="两端对齐"
        icon={<MenuOutlined rotate={90} />}
        active={s.align === 'justify'}
        disabled={off}
        onClick={() => chain().setTextAlign('justify').run()}
      />
      <span className="divider" />
      <ToolButton
        label={s.link ? '修改链接' : '插入链接'}
        icon={<LinkOutlined />}
        active={s.link}
        disabled={off}
        onClick={onLink}
      />
      {s.link ? (
        <ToolButton
          label="取消链接"
          icon={<DisconnectOutlined />}
          disabled={off}
          onClick={() => chain().extendMarkRange('link').unsetLink().run()}
        />
      ) : null}
      <ToolButton
        label="分隔线"
        icon={<LineOutlined />}
        disabled={off}
        onClick={() => chain().setHorizontalRule().run()}
      />
      <ToolButton
        label="插入表格"
        icon={<TableOutlined />}
        disabled={off || s.inTable}
        onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
      />
      {s.inTable && !off ? (
        <>
          <ToolButton
            label="在下方插入行"
            icon={<InsertRowBelowOutlined />}
            onClick={() => chain().addRowAfter().run()}
          />
          <ToolButton
            label="在右侧插入列"
            icon={<InsertRowRightOutlined />}
            onClick={() => chain().addColumnAfter().run()}
          />
          <ToolButton label="删除行" icon={<DeleteRowOutlined />} onClick={() => chain().deleteRow().run()} />
          <ToolButton label="删除列" icon={<DeleteColumnOutlined />} onClick={() => chain().deleteColumn().run()} />
          <ToolButton
            label="合并单元格"
            icon={<MergeCellsOutlined />}
            disabled={!s.canMerge}
            onClick={() => chain().mergeCells().run()}
          />
          <ToolButton
            label="拆分单元格"
            icon={<SplitCellsOutlined />}
            disabled={!s.canSplit}
            onClick={() => chain().splitCell().run()}
          />
          <ToolButton label="删除表格" icon={<DeleteOutlined />} onClick={() => chain().deleteTable().run()} />
        </>
      ) : null}
      <span className="divider" />
      <ToolButton
        label="撤销"
        icon={<UndoOutlined />}
        disabled={off || !s.canUndo}
        onClick={() => chain().undo().run()}
      />
      <ToolButton
        label="重做"
        icon={<RedoOutlined />}
        disabled={off || !s.canRedo}
        onClick={() => chain().redo().run()}
      />
      <span style={{ flex: 1 }} />
      <Button
        size="small"
        type={source ? 'primary' : 'default'}
        icon={<CodeOutlined />}
        aria-pressed={source}
        onClick={onSource}
      >
        HTML 源码
      </Button>
    </div>
  );
}

/** The rich-text control. An empty body is ''. */
export default function RichTextEditor({ id, value = '', onChange, label }: RichTextEditorProps) {
  const [source, setSource] = useState(false);
  const [linkOpen, setLinkOpen] = useState(false);
  const [linkForm] = Form.useForm<{ href: string }>();
  // The HTML this editor last reported: a `value` equal to it is our own echo, not a new document.
  const emitted = useRef(value);
  const editor = useEditor({
    extensions: richTextExtensions(),
    content: value,
    editorProps: {
      attributes: { 'aria-label': label, 'aria-multiline': 'true', role: 'textbox', ...(id ? { id } : {}) },
    },
    onUpdate: ({ editor: e }) => {
      // The editor keeps an empty paragraph after a closing list or table so the caret can get there; it is not content.
      const html = e.isEmpty ? '' : e.getHTML().replace(/(?:<p><\/p>)+$/, '');
      emitted.current = html;
      onChange?.(html);
    },
  });

  // A new value from outside (the form was reset, the source view was edited): load it.
  useEffect(() => {
    if (value === emitted.current) return;
    emitted.current = value;
    editor.commands.setContent(value, { emitUpdate: false });
  }, [value, editor]);

  const openLink = () => {
    linkForm.setFieldsValue({ href: (editor.getAttributes('link').href as string | undefined) ?? 'https://' });
    setLinkOpen(true);
  };
  const saveLink = ({ href }: { href: string }) => {
    const url = href.trim();
    const chain = editor.chain().focus().extendMarkRange('link');
    if (url === '') chain.unsetLink().run();
    else chain.setLink({ href: url }).run();
    setLinkOpen(false);
  };

  return (
    <div className="rich-text">
      <Toolbar editor={editor} source={source} onSource={() => setSource((s) => !s)} onLink={openLink} />
      {source ? (
        <Input.TextArea
          className="rich-text-source"
          aria-label={`${label}（HTML 源码）`}
          autoSize={{ minRows: 14, maxRows: 30 }}
          value={value}
          onChange={(e) => onChange?.(e.target.value)}
        />
      ) : null}
      {/* Stays mounted in the source view, so undo history and the selection survive the switch. */}
      <EditorContent editor={editor} hidden={source} />
      <Modal
        title="链接"
        open={linkOpen}
        onCancel={() => setLinkOpen(false)}
        onOk={() => linkForm.submit()}
        okText="确定"
        destroyOnHidden
        forceRender
      >
        <Form form={linkForm} layout="vertical" onFinish={saveLink}>
          <Form.Item
            name="href"
            label="链接地址"
            extra="以 http://、https:// 或 mailto: 开头；留空则取消链接。"
            rules={[
              {
                validator: async (_, v: string | undefined) => {
                  if (v && v.trim() && !LINK_SCHEMES.test(v.trim()))
                    throw new Error('链接须以 http://、https:// 或 mailto: 开头');
                },
              },
            ]}
          >
            <Input autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
